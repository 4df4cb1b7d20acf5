# %% [markdown]
# # One image, five tasks
#
# The same picture can be the input of very different problems. What changes is
# the **target**: the thing a data set stores next to each input and the model
# must learn to produce. Here we draw one small synthetic scene (a "person" made
# of a few strokes next to a ball) and build the target of each of the five task
# types from the lecture, then print its shape and draw it.
#
# Shapes follow PyTorch's convention for images: channels first, $(C, H, W)$,
# with a batch dimension $B$ in front when several images are stacked.

# %%
import matplotlib.pyplot as plt
import numpy as np
import torch

torch.manual_seed(0)
rng = np.random.default_rng(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

HEIGHT, WIDTH = 64, 64
CLASSES = ["background", "person", "ball"]  # index = class id

# %% [markdown]
# ## The scene
#
# A stick figure is a handful of keypoints joined by limbs; the ball is a disc.
# Keypoints are $(x, y)$ pixel coordinates.

# %%
KEYPOINTS = {  # name: (x, y)
    "head": (20, 12),
    "neck": (20, 20),
    "hip": (20, 38),
    "left hand": (11, 30),
    "right hand": (29, 28),
    "left foot": (13, 56),
    "right foot": (27, 56),
}
LIMBS = [
    ("head", "neck"),
    ("neck", "hip"),
    ("neck", "left hand"),
    ("neck", "right hand"),
    ("hip", "left foot"),
    ("hip", "right foot"),
]
BALL_CENTRE, BALL_RADIUS = (46, 48), 9

rows, cols = np.mgrid[0:HEIGHT, 0:WIDTH]
mask = np.zeros((HEIGHT, WIDTH), dtype=np.int64)  # class id of every pixel


def draw_segment(start, end, thickness=2.5):
    """Mark the pixels within `thickness` of the segment start-end as class 'person'."""
    (x0, y0), (x1, y1) = start, end
    direction = np.array([x1 - x0, y1 - y0], dtype=float)
    t = ((cols - x0) * direction[0] + (rows - y0) * direction[1]) / (direction @ direction)
    t = np.clip(t, 0.0, 1.0)
    distance = np.hypot(cols - (x0 + t * direction[0]), rows - (y0 + t * direction[1]))
    mask[distance <= thickness] = CLASSES.index("person")


for a, b in LIMBS:
    draw_segment(KEYPOINTS[a], KEYPOINTS[b])
head_x, head_y = KEYPOINTS["head"]
mask[np.hypot(cols - head_x, rows - head_y) <= 5] = CLASSES.index("person")
mask[np.hypot(cols - BALL_CENTRE[0], rows - BALL_CENTRE[1]) <= BALL_RADIUS] = CLASSES.index("ball")

# The input: an RGB image with one flat colour per class, channels first.
palette = np.array([[0.92, 0.92, 0.88], [0.20, 0.35, 0.75], [0.90, 0.45, 0.10]])
image = torch.tensor(palette[mask].transpose(2, 0, 1), dtype=torch.float32, device=device)
print("input image:", tuple(image.shape), "(channels, height, width)")

# %% [markdown]
# ## The five targets
#
# * **Classification**: one class id for the whole image (here: the main object).
# * **Semantic segmentation**: one class id *per pixel*, so the target is as large
#   as the image. It is classification done densely.
# * **Detection**: a variable number of objects, each a box
#   $(x_{\min}, y_{\min}, x_{\max}, y_{\max})$ and a class id.
# * **Pose estimation**: for each person, $K$ keypoints, each written as COCO
#   does, a triplet $(x, y, v)$ of pixel coordinates and a visibility flag
#   ($v = 2$: visible, as every joint is here; 1: labelled but hidden; 0: not
#   labelled). 3-D poses give $(x, y, z)$ instead.
# * **Visual question answering**: the input is the image *and* a question (a
#   sequence of token ids); the target is an answer, often one id from a fixed
#   list of answers.

# %%
targets = {}
targets["classification"] = torch.tensor(CLASSES.index("person"), device=device)
targets["segmentation"] = torch.tensor(mask, device=device)

boxes, labels = [], []
for class_id in (1, 2):
    ys, xs = np.nonzero(mask == class_id)
    boxes.append([xs.min(), ys.min(), xs.max() + 1, ys.max() + 1])
    labels.append(class_id)
targets["detection boxes"] = torch.tensor(boxes, dtype=torch.float32, device=device)
targets["detection labels"] = torch.tensor(labels, device=device)
VISIBLE = 2  # COCO's flag for a labelled, visible keypoint
targets["pose keypoints"] = torch.tensor(
    [[(x, y, VISIBLE) for x, y in KEYPOINTS.values()]], dtype=torch.float32, device=device
)

VOCABULARY = ["<pad>", "what", "is", "next", "to", "the", "person", "?"]
ANSWERS = ["ball", "dog", "car", "nothing"]
question = "what is next to the person ?"
targets["vqa question (input)"] = torch.tensor([VOCABULARY.index(w) for w in question.split()], device=device)
targets["vqa answer"] = torch.tensor(ANSWERS.index("ball"), device=device)

for name, tensor in targets.items():
    print(f"{name:<22} shape {str(tuple(tensor.shape)):<12} dtype {str(tensor.dtype).removeprefix('torch.')}")

# %% [markdown]
# Every pixel of the segmentation target holds a class id, so counting them
# gives each class's area in pixels:

# %%
ids, counts = torch.unique(targets["segmentation"], return_counts=True)
for class_id, count in zip(ids.tolist(), counts.tolist()):
    print(f"{CLASSES[class_id]:<11} {count:>5} pixels")

# %% [markdown]
# ## What each target looks like
#
# The same input, drawn five times with its target on top.

# %%
picture = image.cpu().permute(1, 2, 0).numpy()  # matplotlib wants (H, W, C)
fig, grid = plt.subplots(2, 3, figsize=(8, 5.6))
grid[1, 2].axis("off")  # five panels in a 2 x 3 grid
axes = grid.ravel()[:5]
for ax in axes:
    ax.imshow(picture)
    ax.set_xticks([])
    ax.set_yticks([])

axes[0].set_title("classification")
axes[0].text(
    2, 6, f"label: {CLASSES[targets['classification'].item()]}", fontsize=9, bbox=dict(facecolor="white", alpha=0.8)
)

axes[1].set_title("segmentation")
axes[1].imshow(np.ma.masked_equal(mask, 0), cmap="tab10", alpha=0.6, vmin=0, vmax=9)

axes[2].set_title("detection")
for (x0, y0, x1, y1), class_id in zip(boxes, labels):
    axes[2].add_patch(
        plt.Rectangle((x0 - 0.5, y0 - 0.5), x1 - x0, y1 - y0, fill=False, edgecolor="crimson", linewidth=2)
    )
    axes[2].text(x0, y0 - 1.5, CLASSES[class_id], color="crimson", fontsize=8)

axes[3].set_title("pose estimation")
for a, b in LIMBS:
    (xa, ya), (xb, yb) = KEYPOINTS[a], KEYPOINTS[b]
    axes[3].plot([xa, xb], [ya, yb], color="gold", linewidth=2)
axes[3].scatter(*zip(*KEYPOINTS.values()), color="crimson", s=16, zorder=3)

axes[4].set_title("visual QA")
axes[4].text(2, 6, f"Q: {question}", fontsize=9, bbox=dict(facecolor="white", alpha=0.8))
axes[4].text(2, 62, f"A: {ANSWERS[targets['vqa answer'].item()]}", fontsize=9, bbox=dict(facecolor="white", alpha=0.8))
fig.tight_layout()
plt.show()

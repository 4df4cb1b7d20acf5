# %% [markdown]
# # SimCLR's contrastive loss (NT-Xent)
#
# SimCLR (Chen et al., ICML 2020) learns image representations without labels.
# It takes a batch of $N$ images, makes two random augmentations ("views") of
# each, and trains an encoder so that the two views of the same image land
# close together while views of different images stay apart. With
# $2N$ normalised embeddings $z_k$ and cosine similarity
# $\operatorname{sim}(u, v) = u^\top v / (\lVert u\rVert \lVert v\rVert)$, the loss for a positive
# pair $(i, j)$ is
#
# $$\ell_{i,j} = -\log \frac{\exp(\operatorname{sim}(z_i, z_j)/\tau)}
#   {\sum_{k \ne i} \exp(\operatorname{sim}(z_i, z_k)/\tau)},$$
#
# a softmax over the other $2N - 1$ embeddings in which the right answer is the
# partner view. The loss is averaged over all $2N$ views. The temperature $\tau$
# sets how sharply the softmax separates close from far. The paper calls it
# NT-Xent, the normalised temperature-scaled cross-entropy.

# %%
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
# Small tensors: a second CPU thread only adds waiting between threads.
torch.set_num_threads(1)
rng = np.random.default_rng(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


def nt_xent_numpy(z, tau):
    """Rows k and k + N of z are the two views of image k."""
    n = len(z) // 2
    z = z / np.linalg.norm(z, axis=1, keepdims=True)
    logits = z @ z.T / tau
    np.fill_diagonal(logits, -np.inf)  # a view is not compared with itself
    partner = np.concatenate([np.arange(n, 2 * n), np.arange(n)])
    row_max = logits.max(axis=1, keepdims=True)  # log-sum-exp, computed stably
    log_normaliser = row_max[:, 0] + np.log(np.exp(logits - row_max).sum(axis=1))
    return np.mean(log_normaliser - logits[np.arange(2 * n), partner])


def nt_xent_torch(z, tau):
    """The same loss as a cross-entropy over similarities, the usual PyTorch way."""
    n = len(z) // 2
    z = F.normalize(z, dim=1)
    logits = z @ z.T / tau
    logits = logits.masked_fill(torch.eye(2 * n, dtype=torch.bool, device=z.device), float("-inf"))
    partner = torch.cat([torch.arange(n, 2 * n), torch.arange(n)]).to(z.device)
    return F.cross_entropy(logits, partner)


# %% [markdown]
# ## The two versions agree
#
# Random embeddings for 16 images (32 views) of dimension 8, in float64, at
# several temperatures.

# %%
z = rng.normal(size=(32, 8))
for tau in (0.1, 0.5, 1.0):
    ours = nt_xent_numpy(z, tau)
    theirs = nt_xent_torch(torch.tensor(z, device=device), tau).item()
    print(f"tau = {tau}: NumPy {ours:.10f}, PyTorch {theirs:.10f}")
    assert abs(ours - theirs) < 1e-10, "NumPy and PyTorch NT-Xent must agree"

# %% [markdown]
# ## Correct pairs give a lower loss
#
# Now the views are made to match: each image gets a random vector, and its two
# views are that vector plus a little noise. Paired correctly, each view's
# partner is its most similar neighbour and the loss is small. Shuffle the
# second views so that the pairs are wrong and the loss becomes large. For
# comparison, a softmax that cannot tell the $2N - 1$ candidates apart
# scores $\log(2N - 1)$: correct pairs stay below it at every temperature, and
# shuffled pairs end above it at the lower temperatures. A lower temperature
# magnifies both effects.

# %%
N = 16
images = rng.normal(size=(N, 8))
views = np.concatenate([images + 0.1 * rng.normal(size=images.shape), images + 0.1 * rng.normal(size=images.shape)])
wrong = views.copy()
wrong[N:] = views[N:][rng.permutation(N)]  # second views of the wrong images
print(f"uninformative guess: log(2N - 1) = {np.log(2 * N - 1):.3f}")
for tau in (0.1, 0.5, 1.0):
    print(f"tau = {tau}: correct pairs {nt_xent_numpy(views, tau):.3f}, shuffled pairs {nt_xent_numpy(wrong, tau):.3f}")
# What the text says, for seeds 0 to 2: correct pairs below the uninformative guess,
# shuffled pairs above it at tau 0.1 and 0.5 (at tau 1 they came out 3.39 to 3.56,
# around log 31 = 3.43), and a lower temperature pushes both further out.
correct = [nt_xent_numpy(views, tau) for tau in (0.1, 0.5, 1.0)]
shuffled = [nt_xent_numpy(wrong, tau) for tau in (0.1, 0.5, 1.0)]
assert max(correct) < np.log(2 * N - 1) < min(shuffled[:2])
assert correct[0] < correct[1] < correct[2] and shuffled[0] > shuffled[1] > shuffled[2]

# %% [markdown]
# ## A tiny contrastive run
#
# Toy "images" are 10 numbers: 2 that carry content (a point near one of four
# class centres) and 8 of nuisance, large random values that the augmentation
# redraws from scratch, much as cropping and colour jitter change pixels but
# not what the photo shows. An encoder trained with NT-Xent must learn, without
# any label, that only the content survives augmentation.
#
# We then judge the representation the way SimCLR's linear evaluation does, in
# miniature: with only 5 labelled examples per class, classify new points by
# the nearest class mean in embedding space.

# %%
CENTRES = np.array([[2.0, 0.0], [0.0, 2.0], [-2.0, 0.0], [0.0, -2.0]])
NUISANCE_DIMS, NUISANCE_STD = 8, 3.0


def make_images(n):
    labels = rng.integers(len(CENTRES), size=n)
    content = CENTRES[labels] + 0.4 * rng.normal(size=(n, 2))
    return content, labels


def augment(content):
    """A view: the content slightly jittered, the nuisance redrawn."""
    jittered = content + 0.1 * rng.normal(size=content.shape)
    nuisance = NUISANCE_STD * rng.normal(size=(len(content), NUISANCE_DIMS))
    return torch.tensor(np.hstack([jittered, nuisance]), dtype=torch.float32, device=device)


encoder = nn.Sequential(nn.Linear(2 + NUISANCE_DIMS, 64), nn.ReLU(), nn.Linear(64, 16)).to(device)


# A fixed evaluation set: 5 labelled and 200 unlabelled test points per class.
PER_CLASS, TEST_PER_CLASS = 5, 200
eval_labels = np.arange(len(CENTRES)).repeat(PER_CLASS + TEST_PER_CLASS)
eval_content = CENTRES[eval_labels] + 0.4 * rng.normal(size=(len(eval_labels), 2))
eval_inputs = augment(eval_content)
is_labelled = np.zeros(len(eval_labels), dtype=bool)
for c in range(len(CENTRES)):
    is_labelled[np.where(eval_labels == c)[0][:PER_CLASS]] = True


def few_label_accuracy():
    """Classify test points by the nearest class mean of the labelled points' embeddings."""
    with torch.no_grad():
        emb = F.normalize(encoder(eval_inputs), dim=1).cpu().numpy()
    labelled_emb, labelled_y = emb[is_labelled], eval_labels[is_labelled]
    means = np.stack([labelled_emb[labelled_y == c].mean(axis=0) for c in range(len(CENTRES))])
    predicted = (emb[~is_labelled] @ means.T).argmax(axis=1)
    return np.mean(predicted == eval_labels[~is_labelled])


column_norms_before = np.linalg.norm(encoder[0].weight.detach().cpu().numpy(), axis=0)
print(f"before training: few-label accuracy {few_label_accuracy():.1%} (chance 25%)")
optimizer = torch.optim.Adam(encoder.parameters(), lr=3e-3)
losses = []
for _ in range(200):
    content, _ = make_images(128)  # labels are never used for training
    loss = nt_xent_torch(torch.cat([encoder(augment(content)), encoder(augment(content))]), tau=0.5)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
print(f"NT-Xent loss: {losses[0]:.3f} at the start, {np.mean(losses[-10:]):.3f} at the end")
print(f"after training:  few-label accuracy {few_label_accuracy():.1%}")
assert few_label_accuracy() > 0.95  # 99 % to 100 % over seeds 0 to 2

# %% [markdown]
# The first layer's weights show what the encoder learned to read: the columns
# for the two content inputs grow, those for the eight nuisance inputs shrink.

# %%
column_norms = np.linalg.norm(encoder[0].weight.detach().cpu().numpy(), axis=0)
print("first-layer weight norm per input")
for name, norms in (("before", column_norms_before), ("after", column_norms)):
    print(f"{name:<6} content {np.round(norms[:2], 2)}, nuisance {np.round(norms[2:], 1)}")
# Grow and shrink, as the text says: over seeds 0 to 2 the content columns grew by a
# factor of 1.6 to 1.7 and every nuisance column shrank to 0.68 to 0.82 of its size.
growth = column_norms / column_norms_before
assert np.all(growth[:2] > 1.2) and np.all(growth[2:] < 0.95)

fig, ax_cols = plt.subplots(figsize=(6, 3))
ax_cols.bar(np.arange(10) - 0.2, column_norms_before, width=0.4, color="0.7", label="before")
ax_cols.bar(np.arange(10) + 0.2, column_norms, width=0.4, color=["C1"] * 2 + ["C0"] * NUISANCE_DIMS, label="after")
ax_cols.legend(fontsize=8)
ax_cols.set_xticks(np.arange(10), ["c1", "c2"] + [f"n{i}" for i in range(1, NUISANCE_DIMS + 1)])
ax_cols.set_ylabel("first-layer weight norm")
ax_cols.set_xlabel("input (c = content, n = nuisance)")
fig.tight_layout()
plt.show()

# %% [markdown]
# # AlexNet, layer by layer
#
# AlexNet (Krizhevsky, Sutskever and Hinton, NIPS 2012) won ILSVRC-2012 with
# five convolutional layers and three fully connected ones, ReLU activations,
# dropout and two GPUs. Here we write the network out in PyTorch, count its
# parameters, and push one 224×224 colour image through it to see the shape of
# every layer's output.
#
# We write the layers ourselves, in the arrangement torchvision's `alexnet` uses
# (a single-GPU variant with 64 filters in the first layer). Its parameter count
# must come out at exactly 61,100,840, the count torchvision reports.

# %%
import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


def alexnet(conv_channels=(64, 192, 384, 256, 256), groups=(1, 1, 1, 1, 1), num_classes=1000):
    """AlexNet: five conv layers (the 1st, 2nd and 5th followed by max-pooling), three linear layers."""
    c1, c2, c3, c4, c5 = conv_channels
    g1, g2, g3, g4, g5 = groups
    features = nn.Sequential(
        nn.Conv2d(3, c1, kernel_size=11, stride=4, padding=2, groups=g1),
        nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2),
        nn.Conv2d(c1, c2, kernel_size=5, padding=2, groups=g2),
        nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2),
        nn.Conv2d(c2, c3, kernel_size=3, padding=1, groups=g3),
        nn.ReLU(),
        nn.Conv2d(c3, c4, kernel_size=3, padding=1, groups=g4),
        nn.ReLU(),
        nn.Conv2d(c4, c5, kernel_size=3, padding=1, groups=g5),
        nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2),
    )
    classifier = nn.Sequential(
        nn.Dropout(0.5),
        nn.Linear(c5 * 6 * 6, 4096),
        nn.ReLU(),
        nn.Dropout(0.5),
        nn.Linear(4096, 4096),
        nn.ReLU(),
        nn.Linear(4096, num_classes),
    )
    # Fixes the map to 6×6 whatever the input size, as torchvision does.
    return nn.Sequential(features, nn.AdaptiveAvgPool2d((6, 6)), nn.Flatten(), classifier)


def count_parameters(model):
    return sum(p.numel() for p in model.parameters())


model = alexnet().to(device).eval()
n_params = count_parameters(model)
print(f"parameters: {n_params:,}")
assert n_params == 61_100_840, "must equal torchvision's alexnet (see FACTS.md)"

# %% [markdown]
# ## Where the parameters are
#
# Most of them, 62 %, sit in the first fully connected layer, which maps the
# $256 \times 6 \times 6 = 9216$ features of the last pooling layer to 4096
# units: $9216 \times 4096 + 4096 \approx 37.8$ M weights and biases. The five
# convolutions together hold fewer than 2.5 M.

# %%
convs = [m for m in model.modules() if isinstance(m, nn.Conv2d)]
linears = [m for m in model.modules() if isinstance(m, nn.Linear)]
names = [f"conv{i}" for i in range(1, 6)] + [f"fc{i}" for i in range(6, 9)]
for name, module in zip(names, convs + linears):
    print(f"{name:<6} weight {str(tuple(module.weight.shape)):<18} {count_parameters(module):>12,} parameters")
fc6_share = count_parameters(linears[0]) / n_params
print(f"fc6 holds {100 * fc6_share:.0f} % of all parameters")
# The figures the text above quotes.
assert round(fc6_share, 2) == 0.62 and round(count_parameters(linears[0]) / 1e6, 1) == 37.8
assert sum(count_parameters(conv) for conv in convs) < 2.5e6

# %% [markdown]
# ## The paper's own network
#
# The paper's network differs: 96, 256, 384, 384 and 256 filters, and the second,
# fourth and fifth convolutions are split in two halves, one per GPU, each half
# seeing only the feature maps on its own GPU. A grouped convolution
# (`groups=2`) expresses exactly that. We build it on the `meta` device, which
# records shapes without allocating memory, because we only count it. The
# abstract gives "60 million parameters".

# %%
with torch.device("meta"):
    paper_model = alexnet(conv_channels=(96, 256, 384, 384, 256), groups=(1, 2, 1, 2, 2))
n_paper = count_parameters(paper_model)
print(f"paper's two-GPU layout: {n_paper:,} parameters")
# Krizhevsky et al. 2012, abstract: "60 million parameters".
assert abs(n_paper - 60e6) / 60e6 < 0.02

# %% [markdown]
# ## One image through the network
#
# A batch holding one random $3 \times 224 \times 224$ image. Each line shows
# the output of one layer as (batch, channels, height, width), or (batch,
# features) after flattening.
#
# The output side of a convolution is
# $\lfloor (n + 2p - k)/s \rfloor + 1$ for input side $n$, padding $p$, kernel
# $k$ and stride $s$. The paper states a 224×224 input and an 11×11 kernel with
# stride 4, and says nothing about padding. Without padding that gives
# $\lfloor (224 - 11)/4 \rfloor + 1 = 54$, not the 55 of its figure: the
# arithmetic works out with 227 (Caffe's choice), as $(227 - 11)/4 + 1 = 55$
# exactly. torchvision keeps 224 and pads by 2 instead:
# $\lfloor (224 + 4 - 11)/4 \rfloor + 1 = 55$.

# %%
image = torch.randn(1, 3, 224, 224, device=device)
x = image
print(f"{'input':<20} {tuple(x.shape)}")
layers = [m for m in model.modules() if not isinstance(m, nn.Sequential)]
with torch.no_grad():
    for layer in layers:
        x = layer(x)
        if not isinstance(layer, (nn.ReLU, nn.Dropout)):  # these keep the shape
            print(f"{type(layer).__name__:<20} {tuple(x.shape)}")


def conv_side(n, kernel, stride, padding=0):
    return (n + 2 * padding - kernel) // stride + 1


print("first conv, no padding, 224 input:", conv_side(224, 11, 4))
print("first conv, no padding, 227 input:", conv_side(227, 11, 4))
print("first conv, padding 2, 224 input:", conv_side(224, 11, 4, padding=2))
assert (conv_side(224, 11, 4), conv_side(227, 11, 4), conv_side(224, 11, 4, padding=2)) == (54, 55, 55)

# %% [markdown]
# ## Not 2024×2024
#
# The lecture notes put the input at "2024 × 2024". ImageNet networks of the
# period work on crops of about 224×224 pixels. The difference is not small: a
# 2024×2024 colour image has over 80 times as many input values.

# %%
values_224 = 3 * 224 * 224
values_2024 = 3 * 2024 * 2024
print(f"3×224×224   = {values_224:,} input values")
print(f"3×2024×2024 = {values_2024:,} input values ({values_2024 / values_224:.0f}× more)")
assert values_2024 / values_224 > 80

# %% [markdown]
# # Why residual connections help deep networks
#
# He et al. (CVPR 2016) observed that simply stacking more layers made networks
# *worse*, even on the training data: a 56-layer plain network had higher
# training error than a 20-layer one. Their fix is the **residual block**:
# instead of asking a few layers to compute a mapping $H(x)$ directly, let them
# compute a correction $F(x)$ and add the input back,
#
# $$y = F(x) + x.$$
#
# If the best thing a block can do is nothing, it only has to drive $F$ to
# zero, which is easy; a plain stack would have to learn the identity through
# its weights. The shortcut also hands gradients straight back to earlier layers:
# $\partial y / \partial x = \partial F / \partial x + I$.
#
# Below we compare two 50-layer stacks of width 64 at initialisation: how large
# is the gradient that reaches each layer?

# %%
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
# Small tensors: a second CPU thread only adds waiting between threads.
torch.set_num_threads(1)
device = "cuda" if torch.cuda.is_available() else "cpu"

DEPTH, WIDTH = 50, 64


class PlainLayer(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.linear = nn.Linear(width, width)

    def forward(self, x):
        return F.relu(self.linear(x))


class ResidualBlock(nn.Module):
    """y = F(x) + x, with F = linear → ReLU → linear."""

    def __init__(self, width):
        super().__init__()
        self.linear = nn.Linear(width, width)
        self.linear2 = nn.Linear(width, width)

    def forward(self, x):
        return self.linear2(F.relu(self.linear(x))) + x


def stack(block, depth=DEPTH, width=WIDTH):
    return nn.Sequential(*(block(width) for _ in range(depth)), nn.Linear(width, 1)).to(device)


# %% [markdown]
# ## Gradient norms at initialisation
#
# Both stacks get PyTorch's default initialisation, the same batch of 256
# random inputs and a regression target made by a random linear function. We
# backpropagate the mean squared error once and record the norm of the
# gradient of each layer's (first) weight matrix.

# %%
inputs = torch.randn(256, WIDTH, device=device)
targets = inputs @ torch.randn(WIDTH, 1, device=device) / WIDTH**0.5


def gradient_norms(model):
    model.zero_grad()
    F.mse_loss(model(inputs), targets).backward()
    return np.array([layer.linear.weight.grad.norm().item() for layer in model[:-1]])


plain, residual = stack(PlainLayer), stack(ResidualBlock)
norms = {"plain": gradient_norms(plain), "residual": gradient_norms(residual)}
print("gradient norm of the weights in layer 1, 25 and 50:")
for name, layer_norms in norms.items():
    print(f"{name:<15} {layer_norms[0]:.1e}  {layer_norms[24]:.1e}  {layer_norms[-1]:.1e}")

# What the text below says: over seeds 0 to 4 the first/last ratio was 1e-19 to 6e-18
# in the plain stack and 0.15 to 0.44 in the residual one.
assert norms["plain"][0] < 1e-6 * norms["plain"][-1]
assert 0.1 < norms["residual"][0] / norms["residual"][-1] < 10

# %% [markdown]
# In the plain stack the gradient shrinks by many orders of magnitude on its way
# down: with this initialisation each layer scales the signal down, and the first
# layers receive practically nothing to learn from. In the residual stack the
# first layer's gradient is within a factor of ten of the last one's, because
# every block passes the gradient on through the $+x$ path unchanged.
#
# Initialisation matters for the plain stack too. He et al. proposed (in an
# earlier paper) drawing weights with variance $2/\text{fan-in}$ for ReLU
# layers, which keeps the signal's size from layer to layer. Re-initialised
# that way, the plain stack's gradients no longer vanish at the start: the first
# layer's stays within a factor of a hundred of the last one's.

# %%
plain_he = stack(PlainLayer)
for layer in plain_he[:-1]:
    nn.init.kaiming_normal_(layer.linear.weight, nonlinearity="relu")
    nn.init.zeros_(layer.linear.bias)
norms["plain, He init"] = gradient_norms(plain_he)
layer_norms = norms["plain, He init"]
print(f"{'plain, He init':<15} {layer_norms[0]:.1e}  {layer_norms[24]:.1e}  {layer_norms[-1]:.1e}")
# No longer vanishing: first/last was 0.10 to 0.50 over seeds 0 to 4.
assert layer_norms[0] > 0.01 * layer_norms[-1]

# %% [markdown]
# So vanishing gradients at the start are not the whole story, and the ResNet
# paper says as much (Section 4.1): its plain networks used batch normalisation,
# which also keeps gradients healthy, and the authors checked that they did not
# vanish.
# Yet the deeper plain networks still reached a higher training error than the
# shallower ones. What the shortcut adds is an easy default, the identity, that
# every block starts near and can stay near; that made 152 layers trainable.

# %%
fig, ax = plt.subplots(figsize=(6, 3.4))
layers = np.arange(1, DEPTH + 1)
for (name, layer_norms), marker in zip(norms.items(), "os^"):
    ax.semilogy(layers, layer_norms, marker + "-", markersize=3, label=name)
ax.set_xlabel("layer (1 = closest to the input)")
ax.set_ylabel("gradient norm of the layer's weights")
ax.legend(fontsize=8)
fig.tight_layout()
plt.show()

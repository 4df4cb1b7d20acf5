# %% [markdown]
# # A GAN in one dimension
#
# A generative adversarial network (Goodfellow et al., NIPS 2014) trains two
# networks against each other. The **generator** $G$ turns random noise $z$
# into samples $G(z)$; the **discriminator** $D$ outputs the probability that
# its input came from the real data rather than from $G$. They play the minimax
# game $\min_G \max_D V(D, G)$, where the value $V$ is the sum of two terms:
# $\mathbb{E}_x[\log D(x)]$ over real samples $x$ and
# $\mathbb{E}_z[\log(1 - D(G(z)))]$ over noise $z$.
#
# $D$ pushes the value up by telling real from fake; $G$ pushes it down by
# making fakes $D$ accepts. At the game's equilibrium the generator's samples
# follow the data distribution and $D$ can only answer ½ everywhere.
#
# Our "data" are numbers drawn from a Gaussian with mean 4 and standard
# deviation 1.25. The generator never sees that formula, only samples, and
# starts from standard normal noise.

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

TARGET_MEAN, TARGET_STD = 4.0, 1.25


def real_samples(n):
    return TARGET_MEAN + TARGET_STD * torch.randn(n, 1, device=device)


generator = nn.Sequential(nn.Linear(1, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1)).to(device)
discriminator = nn.Sequential(
    nn.Linear(1, 32), nn.LeakyReLU(0.2), nn.Linear(32, 32), nn.LeakyReLU(0.2), nn.Linear(32, 1)
).to(device)  # outputs a logit; D(x) is its sigmoid

with torch.no_grad():
    before = generator(torch.randn(10_000, 1, device=device)).cpu().numpy().ravel()
print(f"before training: generated mean {before.mean():.3f}, std {before.std():.3f}")

# %% [markdown]
# ## Training
#
# Each step updates $D$ once on a batch of real and a batch of generated samples
# (binary cross-entropy, real labelled 1, fake 0), then updates $G$ once. For
# $G$ we use the variant the paper recommends: instead of minimising
# $\log(1 - D(G(z)))$, which gives almost no gradient while $D$ easily rejects
# the fakes, maximise $\log D(G(z))$.

# %%
STEPS, BATCH = 600, 256
opt_g = torch.optim.Adam(generator.parameters(), lr=2e-3, betas=(0.5, 0.999))
opt_d = torch.optim.Adam(discriminator.parameters(), lr=2e-3, betas=(0.5, 0.999))
ones = torch.ones(BATCH, 1, device=device)
zeros = torch.zeros(BATCH, 1, device=device)

for _ in range(STEPS):
    fake = generator(torch.randn(BATCH, 1, device=device))

    d_loss_real = F.binary_cross_entropy_with_logits(discriminator(real_samples(BATCH)), ones)
    d_loss_fake = F.binary_cross_entropy_with_logits(discriminator(fake.detach()), zeros)  # no gradient into G
    d_loss = d_loss_real + d_loss_fake
    opt_d.zero_grad()
    d_loss.backward()
    opt_d.step()

    g_loss = F.binary_cross_entropy_with_logits(discriminator(fake), ones)  # maximise log D(G(z))
    opt_g.zero_grad()
    g_loss.backward()
    opt_g.step()

# %% [markdown]
# ## What the generator learned
#
# We draw 10,000 samples from the trained generator and compare their mean and
# standard deviation with the target's: the mean lands within 0.1 of 4, while
# the spread is harder to match and lands within 30 % of 1.25. We also ask the
# discriminator about points across the range: near equilibrium its answers sit
# near ½, within 0.25 of it everywhere from 1 to 7.

# %%
with torch.no_grad():
    generated = generator(torch.randn(10_000, 1, device=device)).cpu().numpy().ravel()
    probe = torch.linspace(1, 7, 7, device=device)[:, None]
    d_probe = torch.sigmoid(discriminator(probe)).cpu().numpy().ravel()
print(f"target:          mean {TARGET_MEAN:.3f}, std {TARGET_STD:.3f}")
print(f"after training:  mean {generated.mean():.3f}, std {generated.std():.3f}")
print("D(x) at x = 1..7:", np.round(d_probe, 2))
# Over seeds 0 to 4 the mean was off by at most 0.06, the std by at most 0.29 and D(x)
# by at most 0.21 from ½.
assert abs(generated.mean() - TARGET_MEAN) < 0.1
assert abs(generated.std() - TARGET_STD) < 0.3 * TARGET_STD
assert np.all(np.abs(d_probe - 0.5) < 0.25)

# %% [markdown]
# The histogram of the generated samples before and after training, against the
# target density.

# %%
fig, ax_hist = plt.subplots(figsize=(6, 3))
grid = np.linspace(-1, 9, 300)
density = np.exp(-0.5 * ((grid - TARGET_MEAN) / TARGET_STD) ** 2) / (TARGET_STD * np.sqrt(2 * np.pi))
ax_hist.hist(before, bins=40, density=True, alpha=0.4, label="generator, before")
ax_hist.hist(generated, bins=40, density=True, alpha=0.6, label="generator, after")
ax_hist.plot(grid, density, color="black", label="target N(4, 1.25²)")
ax_hist.set_xlabel("x")
ax_hist.set_ylabel("density")
ax_hist.legend(fontsize=8)

fig.tight_layout()
plt.show()

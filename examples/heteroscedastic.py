# %% [markdown]
# # Predicting a mean and a variance
#
# A regression model trained with the mean squared error predicts one number
# per input: its best guess. Some data are noisier in some places than in
# others, and a guess alone does not say how far off it is likely to be. A
# model can say so if it predicts a **distribution**: a mean $\mu(x)$ *and* a
# variance $\sigma^2(x)$, trained by maximum likelihood.
#
# The data here follow $y = \sin(2\pi x)$ plus Gaussian noise whose standard
# deviation grows with $x$, from 0.05 at $x = 0$ to 0.5 at $x = 1$.

# %%
import math

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
rng = np.random.default_rng(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_num_threads(1)  # tensors this small gain nothing from more CPU threads, and wait on a busy machine


def true_mean(x):
    return np.sin(2 * np.pi * x)


def true_std(x):
    return 0.05 + 0.45 * x  # the noise grows with x


N = 500
x = rng.uniform(0.0, 1.0, size=N)
y = true_mean(x) + true_std(x) * rng.normal(size=N)
xs = torch.tensor(x, dtype=torch.float32, device=device).unsqueeze(1)
ys = torch.tensor(y, dtype=torch.float32, device=device).unsqueeze(1)

# %% [markdown]
# ## Two heads, one network
#
# The network ends in two outputs: the mean, and a raw number that softplus
# turns into a positive variance. The loss is the Gaussian negative
# log-likelihood of each target, which `F.gaussian_nll_loss` computes as
#
# $$
# \frac{1}{2}\left(\log \sigma^2(x) + \frac{\left(y - \mu(x)\right)^2}{\sigma^2(x)}\right)
# $$
#
# averaged over the batch. The two terms pull against each other. A large
# variance makes a wrong mean cheap, but costs $\log \sigma^2$; a small one is
# cheap only where the mean is right. The variance that minimises the loss at
# a point is the expected squared error there, so the model has to learn how
# noisy each region is.
#
# A second network of the same shape, with one output, is trained with the MSE.
# Both start from the same weights for their shared layers and run the same
# number of full-batch Adam steps.


# %%
def network(outputs):
    return nn.Sequential(nn.Linear(1, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, outputs))


class MeanAndVariance(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = network(2)

    def forward(self, x):
        mean, raw = self.body(x).unbind(dim=1)
        return mean.unsqueeze(1), F.softplus(raw).unsqueeze(1) + 1e-6  # variance > 0


def train(model, loss_of_batch, steps=1000, lr=1e-2):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for _ in range(steps):
        optimizer.zero_grad()
        loss = loss_of_batch(model)
        loss.backward()
        optimizer.step()
    return loss.item()


torch.manual_seed(0)
nll_model = MeanAndVariance().to(device)
torch.manual_seed(0)
mse_model = network(1).to(device)


def gaussian_nll(model):
    mean, variance = model(xs)
    return F.gaussian_nll_loss(mean, ys, variance)


nll_final = train(nll_model, gaussian_nll)
mse_final = train(mse_model, lambda m: F.mse_loss(m(xs), ys))
print(f"final Gaussian NLL (mean, variance model): {nll_final:.3f}")
print(f"final MSE (mean-only model):               {mse_final:.4f}")

# %% [markdown]
# ## What the variance learned
#
# On a grid of inputs, compare the predicted standard deviation $\sigma(x)$
# with the one the data were drawn with. Nobody told the model the noise level:
# it saw only inputs and targets.

# %%
grid = np.linspace(0.0, 1.0, 201)
grid_t = torch.tensor(grid, dtype=torch.float32, device=device).unsqueeze(1)
with torch.no_grad():
    nll_mean, nll_var = (t.squeeze(1).cpu().numpy() for t in nll_model(grid_t))
    mse_mean = mse_model(grid_t).squeeze(1).cpu().numpy()
learned_std = np.sqrt(nll_var)

small, large = grid <= 0.2, grid >= 0.8
std_ratio = learned_std[large].mean() / learned_std[small].mean()
true_ratio = true_std(grid[large]).mean() / true_std(grid[small]).mean()
correlation = np.corrcoef(learned_std, true_std(grid))[0, 1]
print(f"{'x':>5} {'true std':>9} {'learned std':>12}")
for x0 in (0.1, 0.3, 0.5, 0.7, 0.9):
    i = np.argmin(np.abs(grid - x0))
    print(f"{x0:>5.1f} {true_std(x0):>9.3f} {learned_std[i]:>12.3f}")
print(f"mean learned std for x >= 0.8 over x <= 0.2: {std_ratio:.1f} (true: {true_ratio:.1f})")
print(f"correlation of learned and true std: {correlation:.3f}")

# The claims the text makes about this run, checked on every run.
assert std_ratio > 3.0, "the learned std should be several times larger where the noise is larger"
assert correlation > 0.9, "the learned std should track the true noise level"

# %% [markdown]
# The learned standard deviation tracks the true one: several times larger on
# the right than on the left, and close to it in between. The model tells you
# where to trust its mean.
#
# ## The two means agree
#
# Both models estimate the same thing, the average of $y$ at each $x$, so their
# means land close to each other and to the true curve. The variance changes
# how much each point counts while fitting the mean (its squared error is
# divided by $\sigma^2(x)$), not where the mean should be.

# %%
gap_between_means = np.abs(nll_mean - mse_mean).mean()
nll_error = np.abs(nll_mean - true_mean(grid)).mean()
mse_error = np.abs(mse_mean - true_mean(grid)).mean()
print(f"mean |NLL mean - MSE mean| on the grid: {gap_between_means:.3f}")
print(f"mean |mean - true curve|: NLL model {nll_error:.3f}, MSE model {mse_error:.3f}")
print(f"average noise std over the grid:        {true_std(grid).mean():.3f}")
assert gap_between_means < 0.25 * true_std(grid).mean(), "the two means should be close to each other"
assert max(nll_error, mse_error) < 0.25 * true_std(grid).mean(), "both means should follow the true curve"

# %%
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
left.scatter(x, y, s=4, color="0.6", label="data")
left.plot(grid, true_mean(grid), color="black", linewidth=1, label="true mean")
left.plot(grid, mse_mean, "--", linewidth=2, label="MSE model")
left.plot(grid, nll_mean, linewidth=2, label=r"NLL model, $\mu \pm 2\sigma$")
left.fill_between(grid, nll_mean - 2 * learned_std, nll_mean + 2 * learned_std, alpha=0.25)
left.set_xlabel("x")
left.set_ylabel("y")
left.legend(loc="lower left", fontsize=8)
right.plot(grid, true_std(grid), color="black", linewidth=1, label="true noise std")
right.plot(grid, learned_std, linewidth=2, label=r"learned $\sigma(x)$")
right.set_xlabel("x")
right.set_ylabel("standard deviation")
right.legend(loc="upper left", fontsize=8)
fig.tight_layout()
plt.show()

# %% [markdown]
# ## With a fixed variance, the NLL is the MSE
#
# Fix the variance to one number $\sigma^2$ for every input, and the loss
# becomes
#
# $$
# \frac{1}{2\sigma^2}\,\mathrm{MSE} + \frac{1}{2}\log \sigma^2 ,
# $$
#
# (PyTorch leaves out the constant $\frac{1}{2}\log 2\pi$ of the full
# likelihood): the MSE scaled by a positive constant, plus a constant. Neither
# moves the minimum. The code below checks the identity on the MSE model's
# predictions, then trains a third network, from the MSE model's starting
# weights, on the Gaussian NLL with $\sigma^2 = 1$: that loss is half the MSE,
# so its gradient is half as large. Adam divides each step by a running size
# of the gradient, which cancels the factor, so the run repeats the MSE run:
# the two networks end within 0.02 of each other everywhere, against noise of
# 0.05 to 0.5. (They differ at all only through Adam's small $\epsilon$ and
# rounding, which a thousand steps amplify.)

# %%
with torch.no_grad():
    prediction = mse_model(xs)
    mse = F.mse_loss(prediction, ys).item()
    for sigma2 in (0.25, 1.0, 4.0):
        nll = F.gaussian_nll_loss(prediction, ys, torch.full_like(ys, sigma2)).item()
        by_formula = mse / (2 * sigma2) + 0.5 * math.log(sigma2)
        print(f"sigma^2 = {sigma2:>4}: Gaussian NLL {nll:.6f}, MSE/(2 sigma^2) + log(sigma^2)/2 = {by_formula:.6f}")
        assert abs(nll - by_formula) < 1e-5

torch.manual_seed(0)
fixed_variance_model = network(1).to(device)
train(fixed_variance_model, lambda m: F.gaussian_nll_loss(m(xs), ys, torch.ones_like(ys)))
with torch.no_grad():
    fixed_mean = fixed_variance_model(grid_t).squeeze(1).cpu().numpy()
largest_gap = np.abs(fixed_mean - mse_mean).max()
print(f"largest |fixed-variance NLL model - MSE model| on the grid: {largest_gap:.1e}")
assert largest_gap < 0.02, "with a fixed variance, training on the NLL should repeat the MSE run"

# %% [markdown]
# With plain SGD the factor would not cancel: the same run would need twice
# the learning rate. Either way, a model that predicts only a mean is a model
# of a Gaussian with one fixed variance everywhere. Predicting the variance too
# is what lets it say that the right half of this data set is noisier than the
# left.

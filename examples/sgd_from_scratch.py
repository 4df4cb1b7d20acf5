# %% [markdown]
# # SGD from scratch, checked against `torch.optim.SGD`
#
# Stochastic gradient descent repeats one move: take a small random batch,
# compute the gradient of the loss on it, and step against the gradient.
# With learning rate $\eta$, momentum $\mu$ and weight decay $\lambda$,
# PyTorch's SGD does, for every parameter $\theta$ and step $t$:
#
# $$
# g_t = \nabla_\theta L_{\text{batch}}(\theta_{t-1}) + \lambda\,\theta_{t-1},
# $$
#
# $$
# b_t = \mu\, b_{t-1} + g_t \quad (b_1 = g_1),
# $$
#
# $$
# \theta_t = \theta_{t-1} - \eta\, b_t .
# $$
#
# We write this in NumPy with the gradient worked out by hand, run it next to
# `torch.optim.SGD` (gradient from autograd) on the same batches, and compare the
# parameters after every step.

# %%
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(0)
rng = np.random.default_rng(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_num_threads(1)  # the tensors here are tiny: extra CPU threads only add overhead

# %% [markdown]
# ## The problem: linear regression
#
# 256 samples with 3 features, targets $y = X w_\star + b_\star + \text{noise}$.
# The model is $\hat{y} = X w + b$ and the loss is the mean squared error over the
# batch, $L = \frac{1}{B}\sum_i (\hat{y}_i - y_i)^2$, whose gradient is
#
# $$
# \nabla_w L = \frac{2}{B} X^\top (\hat{y} - y),
# $$
#
# $$
# \nabla_b L = \frac{2}{B} \sum_i (\hat{y}_i - y_i).
# $$

# %%
N, FEATURES, BATCH, EPOCHS = 256, 3, 32, 10
true_w, true_b = np.array([1.5, -2.0, 0.5]), 0.3
X = rng.normal(size=(N, FEATURES))
y = X @ true_w + true_b + rng.normal(scale=0.1, size=N)

# The same batches for both implementations: one shuffled order per epoch.
batches = [
    order[start : start + BATCH]
    for order in (rng.permutation(N) for _ in range(EPOCHS))
    for start in range(0, N, BATCH)
]
print(f"{len(batches)} steps of {BATCH} samples")


# %%
def sgd_numpy(lr, momentum=0.0, weight_decay=0.0):
    """SGD in NumPy with a hand-written gradient; returns the parameters after each step."""
    w, b = np.zeros(FEATURES), 0.0
    buffer_w, buffer_b = None, None
    history = []
    for index in batches:
        error = X[index] @ w + b - y[index]
        grad_w = 2 / len(index) * X[index].T @ error + weight_decay * w
        grad_b = 2 / len(index) * error.sum() + weight_decay * b
        if momentum and buffer_w is not None:
            buffer_w, buffer_b = momentum * buffer_w + grad_w, momentum * buffer_b + grad_b
        else:
            buffer_w, buffer_b = grad_w, grad_b
        w, b = w - lr * buffer_w, b - lr * buffer_b
        history.append(np.append(w, b))
    return np.array(history)


def sgd_torch(lr, momentum=0.0, weight_decay=0.0):
    """The same run with autograd and torch.optim.SGD."""
    w = torch.zeros(FEATURES, dtype=torch.float64, device=device, requires_grad=True)
    b = torch.zeros((), dtype=torch.float64, device=device, requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=lr, momentum=momentum, weight_decay=weight_decay)
    X_t = torch.tensor(X, device=device)
    y_t = torch.tensor(y, device=device)
    history, losses = [], []
    for index in batches:
        optimizer.zero_grad()
        loss = F.mse_loss(X_t[index] @ w + b, y_t[index])
        loss.backward()
        optimizer.step()
        history.append(torch.cat([w.detach(), b.detach()[None]]).cpu().numpy())
        losses.append(loss.item())
    return np.array(history), losses


# %% [markdown]
# ## Step for step
#
# Three settings: plain SGD, SGD with momentum, and momentum with weight decay.
# The largest difference between the two parameter trajectories, over all steps,
# is at the level of floating-point rounding.

# %%
SETTINGS = {
    "plain": dict(lr=0.05),
    "momentum 0.9": dict(lr=0.01, momentum=0.9),
    "momentum + weight decay": dict(lr=0.01, momentum=0.9, weight_decay=0.01),
}
curves, finals = {}, {}
for name, setting in SETTINGS.items():
    ours = sgd_numpy(**setting)
    finals[name] = ours[-1]
    theirs, curves[name] = sgd_torch(**setting)
    difference = np.abs(ours - theirs).max()
    assert difference < 1e-10, f"{name}: our SGD differs from torch.optim.SGD by {difference}"
    w_final = ", ".join(f"{v:.3f}" for v in ours[-1])
    print(f"{name}\n  final (w, b) = ({w_final})\n  max |difference| = {difference:.1e}")
print(f"true\n  (w, b) = ({', '.join(f'{v:.3f}' for v in np.append(true_w, true_b))})")
# Weight decay ends every parameter a little smaller in size (seeds 0 to 2).
assert np.all(np.abs(finals["momentum + weight decay"]) < np.abs(finals["momentum 0.9"]))

# %% [markdown]
# Weight decay pulls the parameters slightly towards zero: each of them ends a
# little smaller in size than in the run with momentum alone. The batch loss over
# the steps:

# %%
fig, ax = plt.subplots(figsize=(6, 3.4))
for name, losses in curves.items():
    ax.plot(losses, label=name)
ax.set_yscale("log")
ax.set_xlabel("step")
ax.set_ylabel("batch MSE")
ax.legend(fontsize=8)
fig.tight_layout()
plt.show()

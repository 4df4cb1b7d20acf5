# %% [markdown]
# # Adam in NumPy, step for step with PyTorch
#
# Adam (Kingma and Ba, ICLR 2015) keeps two running averages per parameter: the
# mean of the gradients $m$ (first moment) and the mean of their squares $v$
# (second moment). Algorithm 1 of the paper, for gradient $g_t$ at step $t$:
#
# $$m_t = \beta_1 m_{t-1} + (1 - \beta_1)\, g_t,$$
#
# $$v_t = \beta_2 v_{t-1} + (1 - \beta_2)\, g_t^2,$$
#
# $$\hat m_t = \frac{m_t}{1 - \beta_1^t}, \qquad \hat v_t = \frac{v_t}{1 - \beta_2^t},$$
#
# $$\theta_t = \theta_{t-1} - \alpha \frac{\hat m_t}{\sqrt{\hat v_t} + \varepsilon}.$$
#
# Both averages start at zero, so early on they are biased towards zero; dividing
# by $1 - \beta^t$ removes that bias. The paper's defaults are
# $\alpha = 0.001,\ \beta_1 = 0.9,\ \beta_2 = 0.999,\ \varepsilon = 10^{-8}$.

# %%
import matplotlib.pyplot as plt
import numpy as np
import torch

torch.manual_seed(0)
rng = np.random.default_rng(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


class NumpyAdam:
    """Algorithm 1 of Kingma & Ba, with the paper's default hyper-parameters."""

    def __init__(self, params, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        self.params, self.lr, self.beta1, self.beta2, self.eps = params, lr, beta1, beta2, eps
        self.m = np.zeros_like(params)
        self.v = np.zeros_like(params)
        self.t = 0

    def step(self, grad):
        self.t += 1
        self.m = self.beta1 * self.m + (1 - self.beta1) * grad
        self.v = self.beta2 * self.v + (1 - self.beta2) * grad**2
        m_hat = self.m / (1 - self.beta1**self.t)
        v_hat = self.v / (1 - self.beta2**self.t)
        self.params -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)  # updates in place


# %% [markdown]
# ## The same 50 steps in both
#
# A least-squares problem $L(\theta) = \frac{1}{2n}\lVert X\theta - y\rVert^2$
# with 5 parameters. NumPy uses the gradient written out by hand (in the code
# below); PyTorch gets it from autograd and steps
# with `torch.optim.Adam`, both from the same starting point, in float64. After
# every step we compare the two parameter vectors.

# %%
X = rng.normal(size=(100, 5))
y = X @ rng.normal(size=5) + 0.1 * rng.normal(size=100)
theta0 = rng.normal(size=5)

theta_np = theta0.copy()
adam_np = NumpyAdam(theta_np)

X_t, y_t = (torch.tensor(a, device=device) for a in (X, y))
theta_t = torch.tensor(theta0, device=device, requires_grad=True)
adam_t = torch.optim.Adam([theta_t])  # PyTorch's defaults are the paper's

largest_gap = 0.0
for _ in range(50):
    adam_np.step(X.T @ (X @ theta_np - y) / len(y))  # the gradient of L by hand

    adam_t.zero_grad()
    loss = 0.5 * ((X_t @ theta_t - y_t) ** 2).mean()
    loss.backward()
    adam_t.step()

    gap = np.abs(theta_np - theta_t.detach().cpu().numpy()).max()
    largest_gap = max(largest_gap, gap)

print("after 50 steps, NumPy :", np.round(theta_np, 6))
print("after 50 steps, PyTorch:", np.round(theta_t.detach().cpu().numpy(), 6))
print(f"largest difference over the 50 steps: {largest_gap:.2e}")
assert largest_gap < 1e-12, "NumPy Adam must follow torch.optim.Adam step for step"

# %% [markdown]
# ## Why adapt the step per parameter
#
# Plain gradient descent uses one step size for every parameter. On the
# ill-conditioned quadratic
#
# $$f(a, b) = \tfrac{1}{2}\left(a^2 + 100\, b^2\right)$$
#
# the gradient in $b$ is 100 times steeper. Gradient descent must keep its step
# below $2/100$ or it diverges along $b$, and with such a small step it crawls
# along $a$. Adam divides each coordinate's step by the root of its own squared
# gradients, so both coordinates move at a similar pace. Each method gets the
# step size that suits it (0.019 for gradient descent, 0.3 for Adam).

# %%
curvature = np.array([1.0, 100.0])


def f(point):
    return 0.5 * np.sum(curvature * point**2)


def grad_f(point):
    return curvature * point


start = np.array([-8.0, 1.0])
STEPS = 200

point = start.copy()
gd_path = [point.copy()]
for _ in range(STEPS):
    point -= 0.019 * grad_f(point)
    gd_path.append(point.copy())

point = start.copy()
adam = NumpyAdam(point, lr=0.3)
adam_path = [point.copy()]
for _ in range(STEPS):
    adam.step(grad_f(point))
    adam_path.append(point.copy())

gd_loss = [f(p) for p in gd_path]
adam_loss = [f(p) for p in adam_path]
for step in (10, 50, 100, 200):
    print(f"step {step:>3}: gradient descent f = {gd_loss[step]:.2e}, Adam f = {adam_loss[step]:.2e}")

# What the text below says (no randomness here, so no seed to vary).
# Gradient descent: the steep b part is gone within 50 steps, then f shrinks by the same
# factor every 50 steps (a constant rate along a).
assert 50 * gd_path[50][1] ** 2 < 0.01 * gd_loss[50]
assert np.isclose(gd_loss[100] / gd_loss[50], gd_loss[200] / gd_loss[150], rtol=0.01)
# Adam: overshoots (a crosses 0, from -8) and still keeps falling, far below gradient descent.
assert max(p[0] for p in adam_path) > 0
assert adam_loss[50] > adam_loss[100] > adam_loss[200] and adam_loss[200] < 1e-3 * gd_loss[200]

# %% [markdown]
# The loss on a log scale. Gradient descent falls fast at first (the steep $b$
# direction) and then creeps along the shallow $a$ direction at a constant rate;
# Adam moves along both at once, overshoots a little and keeps falling as it
# oscillates around the minimum in ever smaller steps.

# %%
fig, ax = plt.subplots(figsize=(5.5, 2.8))
ax.semilogy(gd_loss, label="gradient descent (step 0.019)")
ax.semilogy(adam_loss, linewidth=1, label="Adam (α = 0.3)")
ax.set_xlabel("step")
ax.set_ylabel("f")
ax.legend(fontsize=8)
fig.tight_layout()
plt.show()

# %% [markdown]
# # Adam in NumPy, step for step with PyTorch
#
# Adam (Kingma and Ba, ICLR 2015) keeps two running averages per parameter: the
# mean of the gradients $m$ (first moment) and the mean of their squares $v$
# (second moment). Algorithm 1 of the paper, for gradient $g_t$ at step $t$:
#
# $$m_t = \beta_1 m_{t-1} + (1 - \beta_1)\, g_t, \qquad
#   v_t = \beta_2 v_{t-1} + (1 - \beta_2)\, g_t^2,$$
#
# $$\hat m_t = \frac{m_t}{1 - \beta_1^t}, \qquad
#   \hat v_t = \frac{v_t}{1 - \beta_2^t}, \qquad
#   \theta_t = \theta_{t-1} - \alpha \frac{\hat m_t}{\sqrt{\hat v_t} + \varepsilon}.$$
#
# Both averages start at zero, so early on they are biased towards zero; dividing
# by $1 - \beta^t$ removes that bias. The paper's defaults are $\alpha = 0.001$,
# $\beta_1 = 0.9$, $\beta_2 = 0.999$, $\varepsilon = 10^{-8}$.

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
# with 5 parameters. NumPy uses the gradient written out by hand,
# $\nabla L = X^\top (X\theta - y)/n$; PyTorch gets it from autograd and steps
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
    adam_np.step(X.T @ (X @ theta_np - y) / len(y))

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

gd_path, adam_path = np.array(gd_path), np.array(adam_path)
gd_loss = [f(p) for p in gd_path]
adam_loss = [f(p) for p in adam_path]
for step in (10, 50, 100, 200):
    print(f"step {step:>3}: gradient descent f = {gd_loss[step]:.2e}, Adam f = {adam_loss[step]:.2e}")

# %% [markdown]
# Left: the loss on a log scale. Right: the paths on the contour lines of $f$.
# Gradient descent zigzags across the steep direction and then creeps along the
# shallow one; Adam heads for the minimum and hovers near it, its steps shrinking
# as the gradients' average (the numerator) cancels out.

# %%
fig, (ax_loss, ax_path) = plt.subplots(1, 2, figsize=(9, 3.4))
ax_loss.semilogy(gd_loss, label="gradient descent (step 0.019)")
ax_loss.semilogy(adam_loss, label="Adam (α = 0.3)")
ax_loss.set_xlabel("step")
ax_loss.set_ylabel("f")
ax_loss.legend(fontsize=8)

a, b = np.meshgrid(np.linspace(-9, 2, 200), np.linspace(-1.5, 1.5, 200))
ax_path.contour(a, b, 0.5 * (a**2 + 100 * b**2), levels=np.logspace(-1, 2.3, 12), colors="0.75")
ax_path.plot(gd_path[:, 0], gd_path[:, 1], ".-", markersize=3, linewidth=0.8, label="gradient descent")
ax_path.plot(adam_path[:, 0], adam_path[:, 1], ".-", markersize=3, linewidth=0.8, label="Adam")
ax_path.set_xlabel("a")
ax_path.set_ylabel("b")
ax_path.legend(fontsize=8)
fig.tight_layout()
plt.show()

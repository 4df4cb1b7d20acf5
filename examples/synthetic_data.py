# %% [markdown]
# # Data from a simulator
#
# Labelled real data are often scarce: every measurement costs an experiment.
# What we know about the domain can make more. Here the task is to predict how
# far a thrown ball flies from its launch speed and angle, and we have only
# **ten** real throws to learn from.
#
# Physics gives a simulator for free: without air resistance a ball launched at
# speed $v$ and angle $\theta$ lands at
#
# $$
# R = \frac{v^2 \sin 2\theta}{g}.
# $$
#
# The simulator can label as many throws as we like, but it is not the real
# world: real balls are slowed by drag, so they fall short of $R$, by more the
# faster they fly. The example compares three models on the same held-out set
# of real throws: one trained on the ten real throws alone, one trained on
# simulated throws alone, and one that learns from the simulator first and is
# then fine-tuned on the ten real throws.

# %%
import copy

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
rng = np.random.default_rng(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_num_threads(1)  # tensors this small gain nothing from more CPU threads, and wait on a busy machine

G = 9.81  # m/s^2


def simulator_range(speed, angle):
    """Domain knowledge: the textbook range of a throw without air resistance."""
    return speed**2 * np.sin(2 * angle) / G


def real_range(speed, angle, drag=0.005, dt=0.002):
    """Stands in for the real world: the same throw with quadratic air drag, integrated step by step."""
    x, y = np.zeros_like(speed), np.zeros_like(speed)
    vx, vy = speed * np.cos(angle), speed * np.sin(angle)
    landed = np.full_like(speed, np.nan)
    while np.isnan(landed).any():
        v = np.hypot(vx, vy)
        x_new, y_new = x + vx * dt, y + vy * dt
        vx, vy = vx - drag * v * vx * dt, vy - (G + drag * v * vy) * dt
        down = np.isnan(landed) & (y_new < 0)
        landed[down] = (x + (x_new - x) * y / (y - y_new))[down]  # where the path crosses y = 0
        x, y = x_new, y_new
    return landed


def throws(n):
    speed = rng.uniform(5.0, 25.0, n)  # m/s
    angle = np.radians(rng.uniform(15.0, 75.0, n))
    return speed, angle


def measured(speed, angle):
    return real_range(speed, angle) + rng.normal(scale=0.3, size=speed.shape)  # a tape measure's error


real_train = throws(10)
real_train_y = measured(*real_train)
real_test = throws(500)
real_test_y = measured(*real_test)
simulated = throws(2000)
simulated_y = simulator_range(*simulated)

speed, angle = real_test
gap = simulator_range(speed, angle) - real_range(speed, angle)
print(f"simulator overshoots the real range by {gap.mean():.1f} m on average ({gap.max():.1f} m at most)")

# %% [markdown]
# The simulator is biased, and the bias grows with speed. A model trained only
# on its data will inherit that bias; a model trained only on ten real throws
# has the right data but far too little of it.
#
# All three models are the same small network, trained with the MSE and Adam.
# The inputs are scaled to about $[0, 1]$ and the ranges to metres over 50.


# %%
def as_tensors(throw, target):
    speed, angle = throw
    x = np.stack([speed / 25.0, angle / (np.pi / 2)], axis=1)
    return (
        torch.tensor(x, dtype=torch.float32, device=device),
        torch.tensor(target / 50.0, dtype=torch.float32, device=device).unsqueeze(1),
    )


def new_network():
    return nn.Sequential(nn.Linear(2, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 1)).to(device)


def train(network, x, y, steps, lr):
    optimizer = torch.optim.Adam(network.parameters(), lr=lr)
    for _ in range(steps):
        optimizer.zero_grad()
        F.mse_loss(network(x), y).backward()
        optimizer.step()
    return network


def test_error(network):
    x, y = as_tensors(real_test, real_test_y)
    with torch.no_grad():
        return (network(x) - y).abs().mean().item() * 50.0  # mean absolute error in metres


x_real, y_real = as_tensors(real_train, real_train_y)
x_sim, y_sim = as_tensors(simulated, simulated_y)

real_only = train(new_network(), x_real, y_real, steps=1000, lr=1e-2)
simulator_only = train(new_network(), x_sim, y_sim, steps=1000, lr=1e-2)
fine_tuned = train(copy.deepcopy(simulator_only), x_real, y_real, steps=200, lr=1e-3)

errors = {
    "10 real throws only": test_error(real_only),
    "2000 simulated throws only": test_error(simulator_only),
    "simulated, then 10 real": test_error(fine_tuned),
}
print("mean absolute error on 500 held-out real throws:")
for name, error in errors.items():
    print(f"  {name:<28} {error:5.2f} m")

# %% [markdown]
# Fine-tuning starts from what the simulator taught (that range grows with
# speed squared and peaks near 45°), and the ten real throws only have to
# teach the correction: real balls fall short, and more so when fast. That
# model is clearly the best of the three on real throws it never saw: its
# error is less than 60 % of either other model's (the code below checks it).
# The ten real throws alone cannot pin down the whole two-dimensional shape,
# and the simulator alone never learns about drag.

# %%
best = errors["simulated, then 10 real"]
assert best < 0.6 * errors["10 real throws only"], "simulator, then real, should clearly beat real only"
assert best < 0.6 * errors["2000 simulated throws only"], "simulator, then real, should clearly beat simulator only"

# %% [markdown]
# What each model predicts against launch speed, for throws at 45°, with the
# real throws launched between 30° and 60°:

# %%
speeds = np.linspace(5.0, 25.0, 100)
angles = np.full_like(speeds, np.radians(45.0))
x_line, _ = as_tensors((speeds, angles), np.zeros_like(speeds))
fig, ax = plt.subplots(figsize=(6, 3.6))
ax.plot(speeds, real_range(speeds, angles), color="black", linewidth=2, label="real (with drag)")
ax.plot(speeds, simulator_range(speeds, angles), ":", color="0.4", label="simulator (no drag)")
with torch.no_grad():
    for (name, network), style in zip(
        [("real only", real_only), ("simulator only", simulator_only), ("simulator, then real", fine_tuned)],
        ["--", "-.", "-"],
    ):
        ax.plot(speeds, network(x_line).squeeze(1).cpu().numpy() * 50.0, style, label=name)
near_45 = np.abs(np.degrees(real_train[1]) - 45.0) < 15.0
ax.scatter(real_train[0][near_45], real_train_y[near_45], color="crimson", zorder=3, label="real throws, 30°-60°")
ax.set_xlabel("launch speed (m/s)")
ax.set_ylabel("range (m)")
ax.legend(fontsize=8)
fig.tight_layout()
plt.show()

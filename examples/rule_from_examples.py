# %% [markdown]
# # A rule written by hand, a rule learned from examples
#
# Machine learning replaces a rule a person writes with a rule found from
# labelled examples. To see the trade-off, we invent a small "dogs versus cats"
# problem with two measured features per animal, a snout length and an ear
# pointiness (both in made-up units), where the true boundary between the
# classes is curved.
#
# * The **written rule** is what a person might guess after looking at a few
#   animals: "long snout means dog". It never changes.
# * The **learned rules** are fitted to $n$ labelled animals: a linear model
#   (logistic regression) and a small neural network. We repeat this for growing
#   $n$ and measure accuracy on 5000 animals neither model has seen.

# %%
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
rng = np.random.default_rng(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_num_threads(1)  # the tensors here are tiny: extra CPU threads only add overhead


def animals(n):
    """n animals: features (snout, ears) and label 1 for dog, 0 for cat."""
    snout = rng.uniform(-2, 2, n)
    ears = rng.uniform(-2, 2, n)
    is_dog = snout + 1.2 * np.sin(2.0 * ears) > 0.3  # the boundary nobody is told
    flip = rng.random(n) < 0.05  # 5 % of labels are mistakes, as in real data
    labels = np.where(flip, ~is_dog, is_dog)
    features = np.stack([snout, ears], axis=1)
    return (
        torch.tensor(features, dtype=torch.float32, device=device),
        torch.tensor(labels, dtype=torch.float32, device=device),
    )


x_test, y_test = animals(5000)


def written_rule(x):
    return (x[:, 0] > 0).float()  # "long snout means dog"


def accuracy(predictions, labels):
    return (predictions == labels).float().mean().item()


print(f"written rule: test accuracy {accuracy(written_rule(x_test), y_test):.3f}")

# %% [markdown]
# ## Learning from $n$ examples
#
# Both learned models minimise the binary cross-entropy with full-batch gradient
# descent for the same number of steps.

# %%
MODELS = {
    "linear model": lambda: nn.Linear(2, 1),
    "small network": lambda: nn.Sequential(nn.Linear(2, 32), nn.Tanh(), nn.Linear(32, 1)),
}
SIZES = [8, 32, 128, 512, 2048]


def learn(make_model, x, y, steps=300):
    torch.manual_seed(0)
    model = make_model().to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=2.0)
    for _ in range(steps):
        optimizer.zero_grad()
        F.binary_cross_entropy_with_logits(model(x).squeeze(1), y).backward()
        optimizer.step()
    return model


results = {name: [] for name in MODELS}
print(f"{'n':>5} " + " ".join(f"{name:>14}" for name in MODELS))
for n in SIZES:
    x_train, y_train = animals(n)
    for name, make_model in MODELS.items():
        model = learn(make_model, x_train, y_train)
        with torch.no_grad():
            results[name].append(accuracy((model(x_test).squeeze(1) > 0).float(), y_test))
    print(f"{n:>5} " + " ".join(f"{results[name][-1]:>14.3f}" for name in MODELS))

# What the text below says; each held for seeds 0 to 2.
written, linear, network = accuracy(written_rule(x_test), y_test), results["linear model"], results["small network"]
assert max(linear[0], network[0]) < written + 0.01  # 8 examples: no better than the written rule
assert abs(linear[-1] - written) < 0.03  # the best straight line is about as good as the written rule
at_128 = SIZES.index(128)
assert all(network[i] > max(linear[i], written) + 0.05 for i in range(at_128, len(SIZES)))
assert max(linear + network) < 0.96  # 5 % of the test labels are wrong

# %% [markdown]
# With a handful of examples the learned rules are no better than the guess.
# The linear model can only ever find a straight line, and here the best
# straight line is about as good as the hand-written one. The network can bend
# its boundary; given a hundred or so examples it follows the curve and beats
# both. No model can beat about 95 % on average, because 5 % of the test labels
# are wrong.

# %%
fig, ax = plt.subplots(figsize=(6, 3.6))
ax.axhline(accuracy(written_rule(x_test), y_test), color="0.4", linestyle="--", label="written rule")
for name, scores in results.items():
    ax.plot(SIZES, scores, marker="o", label=name)
ax.axhline(0.95, color="0.75", linewidth=1, label="label noise limit")
ax.set_xscale("log")
ax.set_xlabel("number of labelled training examples")
ax.set_ylabel("test accuracy")
ax.legend(fontsize=8, loc="lower right")
fig.tight_layout()
plt.show()

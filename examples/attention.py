# %% [markdown]
# # Scaled dot-product attention
#
# The Transformer (Vaswani et al., NIPS 2017) is built from one operation:
#
# $$\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\!\left(\frac{QK^\top}{\sqrt{d_k}}\right) V.$$
#
# Each row of $Q$ (a query) is compared with every row of $K$ (the keys) by a dot
# product; the softmax turns one query's scores into weights that sum to 1; the
# output is the weighted average of the rows of $V$ (the values). We write it in
# NumPy and check it against PyTorch's `F.scaled_dot_product_attention`.

# %%
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(0)
rng = np.random.default_rng(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


def softmax(scores, axis=-1):
    shifted = scores - scores.max(axis=axis, keepdims=True)  # avoids overflow in exp
    exp = np.exp(shifted)
    return exp / exp.sum(axis=axis, keepdims=True)


def attention(q, k, v, causal=False):
    """softmax(Q Kᵀ / √d_k) V over the last two axes; returns (output, weights)."""
    d_k = q.shape[-1]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d_k)
    if causal:
        # Position i may only look at positions 0..i: hide the future with -inf.
        n_q, n_k = scores.shape[-2:]
        future = np.triu(np.ones((n_q, n_k), dtype=bool), k=1)
        scores = np.where(future, -np.inf, scores)
    weights = softmax(scores)
    return weights @ v, weights


# %% [markdown]
# ## Checking against PyTorch
#
# A batch of 2 sequences, 4 heads, 6 positions, $d_k = 8$, in float64. We compare
# the outputs with and without the causal mask (`is_causal=True` in PyTorch).

# %%
batch, heads, length, d_k = 2, 4, 6, 8
q, k, v = (rng.normal(size=(batch, heads, length, d_k)) for _ in range(3))
q_t, k_t, v_t = (torch.tensor(a, device=device) for a in (q, k, v))

for causal in (False, True):
    ours, _ = attention(q, k, v, causal=causal)
    theirs = F.scaled_dot_product_attention(q_t, k_t, v_t, is_causal=causal).cpu().numpy()
    gap = np.abs(ours - theirs).max()
    print(f"causal={causal!s:<5} output shape {ours.shape}, largest difference {gap:.1e}")
    assert np.allclose(ours, theirs, atol=1e-12), "NumPy attention must match PyTorch's"

# %% [markdown]
# ## The weights
#
# The attention weights of the first head of the first sequence: row $i$ shows
# how much position $i$ draws from each position. Without a mask every position
# sees the whole sequence; with the causal mask, used when a model generates text
# one token at a time, the upper triangle is zero: no position sees its future.
# Every row sums to 1 either way.

# %%
_, full_weights = attention(q, k, v)
_, causal_weights = attention(q, k, v, causal=True)
print("row sums, no mask:", np.round(full_weights[0, 0].sum(axis=-1), 12))
print("row sums, causal :", np.round(causal_weights[0, 0].sum(axis=-1), 12))
print("causal weights, first head:")
print(np.round(causal_weights[0, 0], 2))
# As the text says, for every head of every sequence: rows sum to 1, and the causal
# mask leaves nothing above the diagonal.
assert np.allclose(full_weights.sum(axis=-1), 1) and np.allclose(causal_weights.sum(axis=-1), 1)
assert np.all(np.triu(causal_weights, k=1) == 0)

fig, axes = plt.subplots(1, 2, figsize=(7.5, 3.4))
for ax, weights, title in zip(axes, (full_weights, causal_weights), ("no mask", "causal mask")):
    image = ax.imshow(weights[0, 0], cmap="viridis", vmin=0, vmax=1)
    ax.set_title(title)
    ax.set_xlabel("key position")
    ax.set_ylabel("query position")
fig.colorbar(image, ax=axes, shrink=0.8, label="weight")
plt.show()

# %% [markdown]
# ## Why scale the scores
#
# For queries and keys with independent unit-variance entries, a dot product of
# length $d_k$ has variance $d_k$. Large scores push the softmax towards a
# one-hot vector whose gradients almost vanish. Dividing by $\sqrt{d_k}$ brings the
# spread of the scores back to about 1 at any width.

# %%
for width in (8, 64, 512):
    a = rng.normal(size=(2000, width))
    b = rng.normal(size=(2000, width))
    dots = np.sum(a * b, axis=1)
    scaled = dots / np.sqrt(width)
    print(f"d_k = {width:>3}: std of q·k = {dots.std():6.2f}, after dividing by √d_k = {scaled.std():.2f}")
    assert abs(scaled.std() - 1) < 0.1  # about 1 at any width (2000 samples: within 0.1 for seeds 0 to 2)

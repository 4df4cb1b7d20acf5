# %% [markdown]
# # How big is GPT-3?
#
# GPT-2 (Radford et al., 2019) and GPT-3 (Brown et al., NeurIPS 2020) are the
# same kind of model: a stack of Transformer decoder blocks trained to predict
# the next token. What changed is scale: GPT-2's largest model has 1.5 billion
# parameters, GPT-3 175 billion. Here we count those parameters from the
# configurations alone, by building the models on PyTorch's `meta` device, which
# records every tensor's shape without allocating its memory. (GPT-3 in 16-bit
# floats would need about 350 GB.)

# %%
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


class Block(nn.Module):
    """One decoder block: causal self-attention and an MLP, each behind a layer norm and a residual."""

    def __init__(self, width, heads):
        super().__init__()
        self.heads = heads
        self.norm1 = nn.LayerNorm(width)
        self.qkv = nn.Linear(width, 3 * width)  # queries, keys and values in one matrix
        self.out = nn.Linear(width, width)
        self.norm2 = nn.LayerNorm(width)
        self.mlp = nn.Sequential(nn.Linear(width, 4 * width), nn.GELU(), nn.Linear(4 * width, width))

    def forward(self, x):
        batch, length, width = x.shape
        q, k, v = self.qkv(self.norm1(x)).split(width, dim=2)
        q, k, v = (t.view(batch, length, self.heads, -1).transpose(1, 2) for t in (q, k, v))
        attended = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.out(attended.transpose(1, 2).reshape(batch, length, width))
        return x + self.mlp(self.norm2(x))


class GPT(nn.Module):
    def __init__(self, layers, width, heads, context, vocab_size=50_257):
        super().__init__()
        self.token_embedding = nn.Embedding(vocab_size, width)
        self.position_embedding = nn.Embedding(context, width)
        self.blocks = nn.Sequential(*(Block(width, heads) for _ in range(layers)))
        self.final_norm = nn.LayerNorm(width)

    def forward(self, tokens):
        positions = torch.arange(tokens.shape[1], device=tokens.device)
        x = self.blocks(self.token_embedding(tokens) + self.position_embedding(positions))
        # The output layer reuses the token embedding matrix (tied weights), as GPT-2 does.
        return self.final_norm(x) @ self.token_embedding.weight.T


def count(model):
    return sum(p.numel() for p in model.parameters())


# %% [markdown]
# ## The count as a formula
#
# With width $d$, $L$ blocks, vocabulary $V$ and context $n$, each block holds
# $3d^2 + 3d$ (query, key, value) $+\ d^2 + d$ (attention output)
# $+\ 8d^2 + 5d$ (the MLP, $d \to 4d \to d$) $+\ 4d$ (two layer norms),
# that is $12d^2 + 13d$. The embeddings add $Vd + nd$ and the final norm $2d$:
#
# $$N = L\,(12 d^2 + 13 d) + (V + n)\, d + 2d.$$
#
# The number of heads does not appear: heads split the width, they add no
# weights. Before trusting the formula on models we cannot run, we test it on a
# small one that we build for real and run.


# %%
def gpt_parameters(layers, width, context, vocab_size=50_257):
    return layers * (12 * width**2 + 13 * width) + (vocab_size + context) * width + 2 * width


small = GPT(layers=3, width=64, heads=4, context=32, vocab_size=500).to(device)
logits = small(torch.randint(500, (2, 32), device=device))
print(
    f"small model: {count(small):,} parameters (formula {gpt_parameters(3, 64, 32, 500):,}), "
    f"logits {tuple(logits.shape)}"
)
assert count(small) == gpt_parameters(3, 64, 32, 500)

# %% [markdown]
# ## GPT-2 and GPT-3 on the meta device
#
# The configurations come from the papers: GPT-2's largest model has 48 layers
# of width 1600 and a context of 1024 tokens; GPT-3 has 96 layers of width
# 12,288, 96 heads of 128 dimensions (Table 2.1) and a context of 2048 (the text
# of Section 2.1). Both use the same 50,257-token vocabulary.

# %%
CONFIGS = {
    "GPT-2 (largest)": dict(layers=48, width=1600, heads=25, context=1024),
    "GPT-3": dict(layers=96, width=12_288, heads=96, context=2048),
}
counts = {}
for name, config in CONFIGS.items():
    with torch.device("meta"):
        model = GPT(**config)
    counts[name] = count(model)
    formula = gpt_parameters(config["layers"], config["width"], config["context"])
    assert counts[name] == formula, "the meta-device model and the formula must agree"
    print(f"{name:<16} {counts[name]:>16,} parameters  ({counts[name] / 1e9:.2f} B)")

# Radford et al. 2019, Table 2: the largest GPT-2 has 1542M parameters.
assert abs(counts["GPT-2 (largest)"] - 1542e6) / 1542e6 < 0.02
# Brown et al. 2020, Table 2.1: GPT-3 175B.
assert abs(counts["GPT-3"] - 175e9) / 175e9 < 0.01
print(f"GPT-3 in 16-bit floats: {counts['GPT-3'] * 2 / 1e9:.0f} GB")
# The figures the text below quotes.
gpt2 = counts["GPT-2 (largest)"]
assert round(counts["GPT-3"] / 1e9, 1) == 174.6 and round(gpt2 / 1e9, 2) == 1.56
assert round(gpt2 / 1542e6 - 1, 2) == 0.01 and round(gpt2 / 1e6) == 1558

# %% [markdown]
# GPT-3 comes out at 174.6 B, which the paper rounds to 175 B. GPT-2's 1.56 B is
# 1 % above the 1542 M of its report's Table 2; OpenAI's released checkpoint of
# that model is named "1558M", which is our count.
#
# Where do the parameters live? Almost all in the blocks' $12 L d^2$ term. The
# embeddings take about 5 % of GPT-2 and under half a percent of GPT-3.

# %%
for name, config in CONFIGS.items():
    d = config["width"]
    blocks = config["layers"] * (12 * d**2 + 13 * d)
    print(f"{name:<16} blocks {blocks / counts[name]:.1%}, embeddings and final norm {1 - blocks / counts[name]:.1%}")
    outside_blocks = 1 - blocks / counts[name]
    assert 0.04 < outside_blocks < 0.06 if name.startswith("GPT-2") else outside_blocks < 0.005

# %% [markdown]
# ## Depth against width
#
# Doubling the depth doubles the block parameters; doubling the width roughly
# quadruples them. On log–log axes the count grows with slope 2 in width (once
# the $d^2$ term dominates), and each doubling of depth shifts the curve up by the
# same step. The dots mark GPT-2 and GPT-3.

# %%
fig, ax = plt.subplots(figsize=(6, 3.2))
widths = np.logspace(np.log10(128), np.log10(16_384), 40)
for layers in (24, 48, 96):
    ax.loglog(widths, [gpt_parameters(layers, w, context=2048) for w in widths], label=f"{layers} layers")
for name, config in CONFIGS.items():
    ax.plot(config["width"], counts[name], "o", color="black")
    ax.annotate(name, (config["width"], counts[name]), textcoords="offset points", xytext=(-70, 6), fontsize=8)
ax.set_xlabel("width $d$")
ax.set_ylabel("parameters")
ax.legend(fontsize=8)
fig.tight_layout()
plt.show()

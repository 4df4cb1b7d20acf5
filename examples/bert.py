# %% [markdown]
# # BERT: the masking rule and the parameter count
#
# BERT (Devlin et al., NAACL 2019) is pre-trained on unlabelled text by
# **masked language modelling**: hide some tokens of a sentence and ask the
# model to recover them from the words on *both* sides. Then the same network is
# fine-tuned on a small labelled task.
#
# The paper's rule (Section 3.1): choose 15 % of the token positions at random.
# Of the chosen ones, replace 80 % by the `[MASK]` token, 10 % by a random token,
# and leave 10 % unchanged. The model must predict the original token at every
# chosen position, and only there. The random and unchanged cases matter because
# `[MASK]` never appears when the model is later fine-tuned: the model cannot
# rely on seeing it.

# %%
import numpy as np
import torch
from torch import nn

torch.manual_seed(0)
rng = np.random.default_rng(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

VOCAB_SIZE = 30_522  # entries in vocab.txt of the released checkpoints; the paper says "30,000" (Sec. 3)
MASK_ID = 103  # the id of [MASK] in the released uncased vocabulary
IGNORE = -100  # label for positions without a prediction (PyTorch's cross_entropy skips it)


def mask_tokens(tokens, rng, vocab_size=VOCAB_SIZE, choose=0.15, to_mask=0.8, to_random=0.1):
    """Apply BERT's masking rule; returns (model input, labels)."""
    chosen = rng.random(tokens.shape) < choose
    draw = rng.random(tokens.shape)  # splits the chosen positions 80 / 10 / 10
    masked = chosen & (draw < to_mask)
    randomised = chosen & (draw >= to_mask) & (draw < to_mask + to_random)

    inputs = tokens.copy()
    inputs[masked] = MASK_ID
    inputs[randomised] = rng.integers(vocab_size, size=randomised.sum())
    labels = np.where(chosen, tokens, IGNORE)
    return inputs, labels


# %% [markdown]
# ## Measuring the rule on a million tokens
#
# We apply the rule to one million random token ids and count what happened.
# A random replacement can, by chance, draw the original token again (once in
# 30,522 draws), so "unchanged" is a hair above 10 %.

# %%
N_TOKENS = 1_000_000
tokens = rng.integers(1000, VOCAB_SIZE, size=N_TOKENS)  # ids below 1000 are special tokens
inputs, labels = mask_tokens(tokens, rng)

chosen = labels != IGNORE
n_chosen = chosen.sum()
fractions = {
    "chosen (of all tokens)": n_chosen / N_TOKENS,
    "[MASK] (of chosen)": np.mean(inputs[chosen] == MASK_ID),
    "random token (of chosen)": np.mean((inputs[chosen] != MASK_ID) & (inputs[chosen] != tokens[chosen])),
    "unchanged (of chosen)": np.mean(inputs[chosen] == tokens[chosen]),
}
expected = {
    "chosen (of all tokens)": 0.15,
    "[MASK] (of chosen)": 0.80,
    "random token (of chosen)": 0.10,
    "unchanged (of chosen)": 0.10,
}
for name, measured in fractions.items():
    print(f"{name:<26} measured {measured:.4f}   paper {expected[name]:.2f}")
    # Devlin et al. 2019, Section 3.1 (Task #1: Masked LM): 15 %, then 80 / 10 / 10.
    # Allow five standard errors of a binomial proportion.
    n = N_TOKENS if name.startswith("chosen") else n_chosen
    assert abs(measured - expected[name]) < 5 * np.sqrt(expected[name] * (1 - expected[name]) / n)

print("\ntokens:", tokens[:10])
print("input :", inputs[:10])
print("labels:", labels[:10])

# %% [markdown]
# ## The model
#
# BERT is a Transformer encoder. Its input embedding is the sum of three
# learned tables: one row per WordPiece token, per position (up to 512) and per
# segment (sentence A or B), followed by layer normalisation. Then come $L$
# encoder layers of width $H$ with $A$ attention heads and a feed-forward
# layer of width $4H$. Two small heads sit on top: a "pooler" (a linear layer
# with tanh on the first token, used for sentence-level tasks) and the masked-LM
# head, whose output matrix is the token embedding table itself (tied weights),
# plus its own bias.


# %%
class Bert(nn.Module):
    def __init__(self, layers, hidden, heads, vocab_size=VOCAB_SIZE, max_positions=512, segments=2):
        super().__init__()
        self.token_embedding = nn.Embedding(vocab_size, hidden)
        self.position_embedding = nn.Embedding(max_positions, hidden)
        self.segment_embedding = nn.Embedding(segments, hidden)
        self.embedding_norm = nn.LayerNorm(hidden)
        layer = nn.TransformerEncoderLayer(
            hidden, heads, dim_feedforward=4 * hidden, activation="gelu", batch_first=True
        )
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.pooler = nn.Linear(hidden, hidden)
        self.mlm_transform = nn.Sequential(nn.Linear(hidden, hidden), nn.GELU(), nn.LayerNorm(hidden))
        self.mlm_bias = nn.Parameter(torch.zeros(vocab_size))
        for module in self.modules():  # BERT draws its initial weights with standard deviation 0.02
            if isinstance(module, (nn.Linear, nn.Embedding)):
                nn.init.normal_(module.weight, std=0.02)

    def forward(self, tokens, segments):
        positions = torch.arange(tokens.shape[1], device=tokens.device)
        x = self.token_embedding(tokens) + self.position_embedding(positions) + self.segment_embedding(segments)
        x = self.encoder(self.embedding_norm(x))
        pooled = torch.tanh(self.pooler(x[:, 0]))
        token_logits = self.mlm_transform(x) @ self.token_embedding.weight.T + self.mlm_bias
        return token_logits, pooled


def count(module):
    return sum(p.numel() for p in module.parameters())


# %% [markdown]
# First a tiny BERT, built for real and untrained: one masked-LM loss on a batch
# of masked random tokens, to see the pieces fit together. With small initial
# weights the model's guess is close to uniform, so the loss is close to
# $\ln(\text{vocabulary size})$.

# %%
tiny = Bert(layers=2, hidden=64, heads=4, vocab_size=1000, max_positions=32).to(device)
tiny_tokens = rng.integers(10, 1000, size=(8, 32))
tiny_inputs, tiny_labels = mask_tokens(tiny_tokens, rng, vocab_size=1000)
logits, pooled = tiny(torch.as_tensor(tiny_inputs, device=device), torch.zeros(8, 32, dtype=torch.long, device=device))
loss = nn.functional.cross_entropy(logits.reshape(-1, 1000), torch.as_tensor(tiny_labels, device=device).reshape(-1))
print(f"tiny BERT: {count(tiny):,} parameters, logits {tuple(logits.shape)}, pooled {tuple(pooled.shape)}")
print(f"masked-LM loss {loss.item():.2f} vs ln(1000) = {np.log(1000):.2f}")
assert abs(loss.item() - np.log(1000)) < 0.1  # 6.91 to 6.95 over seeds 0 to 4

# %% [markdown]
# ## BERT-base: 110 M parameters?
#
# Now the paper's configuration, $L = 12$, $H = 768$, $A = 12$, built on the
# `meta` device: PyTorch records every parameter's shape but allocates nothing.

# %%
with torch.device("meta"):
    base = Bert(layers=12, hidden=768, heads=12)

parts = {
    "embeddings (token, position, segment, norm)": count(base.token_embedding)
    + count(base.position_embedding)
    + count(base.segment_embedding)
    + count(base.embedding_norm),
    "12 encoder layers": count(base.encoder),
    "pooler": count(base.pooler),
    "masked-LM head (transform and bias)": count(base.mlm_transform) + base.mlm_bias.numel(),
}
for name, n in parts.items():
    print(f"{name:<45} {n:>12,}")
backbone = sum(list(parts.values())[:3])
print(f"{'embeddings + encoder + pooler':<45} {backbone:>12,}")
print(f"{'everything':<45} {count(base):>12,}")
# Devlin et al. 2019, Section 3: BERT-base has "Total Parameters=110M".
assert abs(backbone - 110e6) / 110e6 < 0.01
# The figures the text below quotes.
token_table = count(base.token_embedding)
assert round(backbone / 1e6, 1) == 109.5 and round(count(base) / 1e6, 1) == 110.1
assert round(token_table / 1e6, 1) == 23.4 and 0.18 < token_table / backbone < 0.25

# %% [markdown]
# The network people download as BERT-base (embeddings, encoder and pooler) has
# 109.5 M parameters; the paper rounds to 110 M. Adding the pre-training head
# gives 110.1 M, also "110 M". Either way the token embedding table alone holds
# $30{,}522 \times 768 \approx 23.4$ M of them, about a fifth.
#
# The same code for BERT-large ($L = 24$, $H = 1024$, $A = 16$; the paper says
# 340 M) gives 335.1 M, 1.4 % fewer. That is more than the rounding of
# 109.5 M to "110 M" (0.5 %): the paper gives no exact count, and its 340 M
# may count something our network leaves out, or round more coarsely.

# %%
with torch.device("meta"):
    large = Bert(layers=24, hidden=1024, heads=16)
large_backbone = count(large) - count(large.mlm_transform) - large.mlm_bias.numel()
print(f"BERT-large, embeddings + encoder + pooler: {large_backbone:,}")
# Devlin et al. 2019, Section 3: BERT-large "Total Parameters=340M".
assert abs(large_backbone - 340e6) / 340e6 < 0.02
assert round(large_backbone / 1e6, 1) == 335.1 and round(1 - large_backbone / 340e6, 3) == 0.014

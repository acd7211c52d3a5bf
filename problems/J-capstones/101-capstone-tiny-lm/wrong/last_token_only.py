# pitfall: Feeding only the newest token
class TinyLM(nnx.Module):
    def __init__(self, vocab, max_len, rngs):
        self.embed = nnx.Embed(vocab, 16, rngs=rngs)
        self.pos = nnx.Param(0.02 * jax.random.normal(rngs.params(), (max_len, 16)))
        self.qkv = nnx.Linear(16, 48, use_bias=False, rngs=rngs)
        self.mlp = nnx.Linear(16, 16, rngs=rngs)

    def __call__(self, ids):
        t = ids.shape[1]
        h = self.embed(ids) + self.pos[...][:t]
        q, k, v = jnp.split(self.qkv(h), 3, axis=-1)
        scores = q @ jnp.swapaxes(k, -1, -2) / jnp.sqrt(16.0)
        causal = jnp.tril(jnp.ones((t, t), dtype=bool))
        h = h + jax.nn.softmax(jnp.where(causal, scores, -jnp.inf), axis=-1) @ v
        h = h + nnx.relu(self.mlp(h))
        return self.embed.attend(h)


def next_token_loss(model, ids):
    logits = model(ids[:, :-1])
    targets = ids[:, 1:]
    return optax.softmax_cross_entropy_with_integer_labels(logits, targets).mean()


@nnx.jit
def train_step(model, optimizer, ids):
    loss, grads = nnx.value_and_grad(next_token_loss)(model, ids)
    optimizer.update(model, grads)
    return loss


@nnx.jit
def next_token_accuracy(model, ids):
    preds = jnp.argmax(model(ids[:, :-1]), axis=-1)
    return jnp.mean(preds == ids[:, 1:])


def generate(model, prompt, n_new):
    ids = prompt
    for _ in range(n_new):
        logits = model(ids[None, -1:])[0, -1]
        ids = jnp.concatenate([ids, jnp.argmax(logits)[None].astype(ids.dtype)])
    return ids[prompt.shape[0]:]


def fit_tiny_lm(seed, train_ids, test_ids, prompt, epochs, batch_size, n_new):
    model = TinyLM(8, train_ids.shape[1], rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.adam(3e-2), wrt=nnx.Param)
    order_rng = np.random.default_rng(int(seed))
    n, bs = train_ids.shape[0], int(batch_size)
    epoch_losses = []
    for _ in range(int(epochs)):
        perm = order_rng.permutation(n)
        losses = [train_step(model, optimizer, train_ids[perm[i:i + bs]]) for i in range(0, n, bs)]
        epoch_losses.append(jnp.mean(jnp.stack(losses)))
    return {"train_loss": jnp.stack(epoch_losses),
            "test_acc": next_token_accuracy(model, test_ids),
            "generated": generate(model, prompt, int(n_new))}

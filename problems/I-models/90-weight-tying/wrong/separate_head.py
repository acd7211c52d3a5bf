# pitfall: A separate output layer
class TiedLM(nnx.Module):
    def __init__(self, vocab, dim, rngs):
        self.embed = nnx.Embed(vocab, dim, rngs=rngs)
        self.mix = nnx.Linear(dim, dim, rngs=rngs)
        self.head = nnx.Linear(dim, vocab, use_bias=False, rngs=rngs)

    def __call__(self, ids):
        h = nnx.tanh(self.mix(self.embed(ids)))
        return self.head(h)


def tied_lm(seed, ids, targets, vocab):
    model = TiedLM(int(vocab), 8, rngs=nnx.Rngs(int(seed)))

    def loss_fn(model):
        logits = model(ids)
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, targets).mean()
        return loss, logits

    (loss, logits), grads = nnx.value_and_grad(loss_fn, has_aux=True)(model)
    return logits, loss, grads.embed.embedding[...]

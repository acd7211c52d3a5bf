# pitfall: Returning a pair without has_aux
def logistic_loss_and_grad(seed, w, x, y):
    def loss_fn(w):
        logits = x @ w
        loss = jnp.mean(jax.nn.softplus(logits) - y * logits)
        accuracy = jnp.mean(((logits > 0) == (y > 0.5)).astype(jnp.float32))
        return loss, accuracy

    (loss, accuracy), grad_w = jax.value_and_grad(loss_fn)(w)
    return loss, accuracy, grad_w

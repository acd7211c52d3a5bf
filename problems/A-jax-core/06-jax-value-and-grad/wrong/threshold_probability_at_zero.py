# pitfall: Thresholding the probability at zero
def logistic_loss_and_grad(seed, w, x, y):
    def loss_fn(w):
        logits = x @ w
        loss = jnp.mean(jax.nn.softplus(logits) - y * logits)
        p = jax.nn.sigmoid(logits)
        accuracy = jnp.mean(((p > 0) == (y > 0.5)).astype(jnp.float32))
        return loss, accuracy

    (loss, accuracy), grad_w = jax.value_and_grad(loss_fn, has_aux=True)(w)
    return loss, accuracy, grad_w

# pitfall: Taking the log of the sigmoid
def logistic_loss_and_grad(seed, w, x, y):
    def loss_fn(w):
        logits = x @ w
        p = jax.nn.sigmoid(logits)
        loss = -jnp.mean(y * jnp.log(p) + (1 - y) * jnp.log(1 - p))
        accuracy = jnp.mean(((logits > 0) == (y > 0.5)).astype(jnp.float32))
        return loss, accuracy

    (loss, accuracy), grad_w = jax.value_and_grad(loss_fn, has_aux=True)(w)
    return loss, accuracy, grad_w

def logistic_loss_and_grad(seed, w, x, y):
    def loss_fn(w):
        logits = x @ w
        # Binary cross-entropy with logits, in a numerically stable form.
        loss = jnp.mean(jax.nn.softplus(logits) - y * logits)
        accuracy = jnp.mean(((logits > 0) == (y > 0.5)).astype(jnp.float32))
        return loss, accuracy  # (value to differentiate, auxiliary output)

    (loss, accuracy), grad_w = jax.value_and_grad(loss_fn, has_aux=True)(w)
    return loss, accuracy, grad_w

# pitfall: A hand-written log-softmax
def loss_and_grads(seed, kernel, bias, x, labels):
    model = nnx.Linear(kernel.shape[0], kernel.shape[1], rngs=nnx.Rngs(int(seed)))
    model.kernel[...] = kernel
    model.bias[...] = bias

    def loss_fn(model):
        logits = model(x)
        log_probs = logits - jnp.log(jnp.sum(jnp.exp(logits), axis=-1, keepdims=True))
        loss = -jnp.mean(jnp.take_along_axis(log_probs, labels[:, None], axis=-1))
        accuracy = jnp.mean(jnp.argmax(logits, axis=-1) == labels)
        return loss, accuracy

    (loss, accuracy), grads = nnx.value_and_grad(loss_fn, has_aux=True)(model)
    return loss, accuracy, grads["kernel"][...], grads["bias"][...]

# pitfall: The metric in first place
def loss_and_grads(seed, kernel, bias, x, labels):
    model = nnx.Linear(kernel.shape[0], kernel.shape[1], rngs=nnx.Rngs(int(seed)))
    model.kernel[...] = kernel
    model.bias[...] = bias

    def loss_fn(model):
        logits = model(x)
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()
        accuracy = jnp.mean(jnp.argmax(logits, axis=-1) == labels)
        return accuracy, loss

    (accuracy, loss), grads = nnx.value_and_grad(loss_fn, has_aux=True)(model)
    return loss, accuracy, grads["kernel"][...], grads["bias"][...]

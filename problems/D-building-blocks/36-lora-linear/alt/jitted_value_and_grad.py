# alternative: the step compiled with nnx.jit, value_and_grad over the LoRA factors only
class LoRALinear(nnx.Module):
    def __init__(self, kernel, bias, lora_a, lora_b, alpha):
        self.kernel = nnx.Param(kernel)
        self.bias = nnx.Param(bias)
        self.lora_a = nnx.LoRAParam(lora_a)
        self.lora_b = nnx.LoRAParam(lora_b)
        self.scale = alpha / lora_a.shape[1]

    def __call__(self, x):
        return x @ self.kernel[...] + self.bias[...] + self.scale * (x @ self.lora_a[...]) @ self.lora_b[...]


@nnx.jit
def _step(model, optimizer, x):
    def loss_fn(m):
        return jnp.mean(m(x) ** 2)

    _, grads = nnx.value_and_grad(loss_fn, argnums=nnx.DiffState(0, nnx.LoRAParam))(model)
    optimizer.update(model, grads)


def lora_linear(seed, x, kernel, bias, lora_a, lora_b, alpha, lr):
    model = LoRALinear(kernel, bias, lora_a, lora_b, float(alpha))
    y = model(x)
    optimizer = nnx.Optimizer(model, optax.sgd(float(lr)), wrt=nnx.LoRAParam)
    _step(model, optimizer, x)
    return y, model.kernel[...], model.lora_a[...], model.lora_b[...]

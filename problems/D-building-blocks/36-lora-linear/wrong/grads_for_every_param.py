# pitfall: Differentiating every Param
class LoRALinear(nnx.Module):
    def __init__(self, kernel, bias, lora_a, lora_b, alpha):
        self.kernel = nnx.Param(kernel)
        self.bias = nnx.Param(bias)
        self.lora_a = nnx.LoRAParam(lora_a)
        self.lora_b = nnx.LoRAParam(lora_b)
        self.scale = alpha / lora_a.shape[1]

    def __call__(self, x):
        base = x @ self.kernel[...] + self.bias[...]
        return base + self.scale * (x @ self.lora_a[...]) @ self.lora_b[...]


def lora_linear(seed, x, kernel, bias, lora_a, lora_b, alpha, lr):
    model = LoRALinear(kernel, bias, lora_a, lora_b, float(alpha))
    y = model(x)

    def loss_fn(m):
        return jnp.mean(m(x) ** 2)

    optimizer = nnx.Optimizer(model, optax.sgd(float(lr)), wrt=nnx.LoRAParam)
    grads = nnx.grad(loss_fn)(model)  # every Param: the frozen kernel's gradient is computed too
    optimizer.update(model, grads)
    return y, model.kernel[...], model.lora_a[...], model.lora_b[...]

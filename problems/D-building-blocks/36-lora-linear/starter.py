class LoRALinear(nnx.Module):
    def __init__(self, kernel, bias, lora_a, lora_b, alpha):
        # Base weights as nnx.Param, adapter matrices as nnx.LoRAParam.
        pass

    def __call__(self, x):
        return x


def lora_linear(seed, x, kernel, bias, lora_a, lora_b, alpha, lr):
    # Forward pass, then one SGD step on the LoRA parameters only.
    # Return (y, kernel_after, lora_a_after, lora_b_after).
    y = jnp.zeros((*x.shape[:-1], kernel.shape[1]))
    return y, jnp.zeros_like(kernel), jnp.zeros_like(lora_a), jnp.zeros_like(lora_b)

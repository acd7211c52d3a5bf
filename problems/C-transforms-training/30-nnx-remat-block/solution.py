class Block(nnx.Module):
    def __init__(self, w, b):
        self.w = nnx.Param(w)
        self.b = nnx.Param(b)

    def __call__(self, h):
        return h + jnp.tanh(h @ self.w[...] + self.b[...])


@nnx.remat
def apply_block(block, h):
    return block(h)


class DeepNet(nnx.Module):
    def __init__(self, ws, bs):
        self.blocks = nnx.List([Block(ws[i], bs[i]) for i in range(ws.shape[0])])

    def __call__(self, h):
        for block in self.blocks:
            h = apply_block(block, h)
        return h


def remat_loss_and_grads(seed, ws, bs, x, y):
    model = DeepNet(ws, bs)

    def loss_fn(model):
        return jnp.mean((model(x) - y) ** 2)

    loss, grads = nnx.value_and_grad(loss_fn)(model)
    n = len(model.blocks)
    grad_ws = jnp.stack([grads["blocks"][i]["w"][...] for i in range(n)])
    grad_bs = jnp.stack([grads["blocks"][i]["b"][...] for i in range(n)])
    return loss, grad_ws, grad_bs

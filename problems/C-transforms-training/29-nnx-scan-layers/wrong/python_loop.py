# pitfall: Unrolling the layers in a Python loop
class Block(nnx.Module):
    def __init__(self, w, b):
        self.w = nnx.Param(w)
        self.b = nnx.Param(b)

    def __call__(self, h):
        return jnp.tanh(h @ self.w[...] + self.b[...])


def scan_layers(seed, ws, bs, x):
    h, hs = x, []
    for i in range(ws.shape[0]):
        h = Block(ws[i], bs[i])(h)
        hs.append(h)
    return h, jnp.stack(hs)

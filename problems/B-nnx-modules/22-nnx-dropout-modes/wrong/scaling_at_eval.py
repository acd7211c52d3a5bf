# pitfall: Scaling at evaluation time
class Block(nnx.Module):
    def __init__(self, w, rate, rngs):
        self.w = nnx.Param(w)
        self.drop = nnx.Dropout(rate, rngs=rngs)

    def __call__(self, x):
        return self.drop(x @ self.w[...])


def dropout_modes(seed, x, w, rate):
    model = Block(w, float(rate), nnx.Rngs(dropout=int(seed)))
    y_train_1 = model(x)     # training mode: a random mask, survivors scaled by 1/(1-rate)
    y_train_2 = model(x)     # the stream has moved on: a different mask
    model.eval()             # Dropout becomes the identity
    y_eval = model(x) * (1.0 - float(rate))  # "compensate" for the dropped units
    return y_train_1, y_train_2, y_eval

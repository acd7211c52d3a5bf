# pitfall: Valid padding
class SmallCNN(nnx.Module):
    def __init__(self, in_channels, num_classes, rngs):
        self.conv1 = nnx.Conv(in_channels, 4, kernel_size=(3, 3), padding="VALID", rngs=rngs)
        self.conv2 = nnx.Conv(4, 8, kernel_size=(3, 3), padding="VALID", rngs=rngs)
        self.head = nnx.Linear(8, num_classes, rngs=rngs)

    def __call__(self, x):
        x = nnx.relu(self.conv1(x))
        x = nnx.max_pool(x, window_shape=(2, 2), strides=(2, 2))
        x = nnx.relu(self.conv2(x))
        x = x.mean(axis=(1, 2))
        return self.head(x)


def cnn_logits(seed, images, num_classes):
    model = SmallCNN(images.shape[-1], int(num_classes), rngs=nnx.Rngs(int(seed)))
    return model(images)

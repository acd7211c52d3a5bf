class SmallCNN(nnx.Module):
    def __init__(self, in_channels, num_classes, rngs):
        self.conv1 = nnx.Conv(in_channels, 4, kernel_size=(3, 3), padding="SAME", rngs=rngs)
        self.conv2 = nnx.Conv(4, 8, kernel_size=(3, 3), padding="SAME", rngs=rngs)
        self.head = nnx.Linear(8, num_classes, rngs=rngs)

    def __call__(self, x):                                     # x: (N, H, W, C)
        x = nnx.relu(self.conv1(x))                            # (N, H, W, 4)
        x = nnx.max_pool(x, window_shape=(2, 2), strides=(2, 2))   # (N, H/2, W/2, 4)
        x = nnx.relu(self.conv2(x))                            # (N, H/2, W/2, 8)
        x = x.mean(axis=(1, 2))                                # global average pool: (N, 8)
        return self.head(x)


def cnn_logits(seed, images, num_classes):
    model = SmallCNN(images.shape[-1], int(num_classes), rngs=nnx.Rngs(int(seed)))
    return model(images)

# pitfall: Adding in uint8
def brighten(seed, pixels, offset):
    return pixels + int(offset)

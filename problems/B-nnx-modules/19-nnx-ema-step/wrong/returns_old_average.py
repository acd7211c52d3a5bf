# pitfall: Forgetting the new parameters
def ema_step(seed, params_arr, ema_arr, decay):
    return float(decay) * ema_arr

print("segmint")

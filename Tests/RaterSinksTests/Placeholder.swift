// placeholder until tests land

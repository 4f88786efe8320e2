"""PyTorch Geometric's DeepGraphInfomax on the same plain-text Planetoid files and seeds as
`infmax embed`/`infmax probe`, with the DGI reference setup: row-normalised features, GCNConv(512)
+ PReLU encoder, row-shuffle corruption, sigmoid(mean) summary, Adam 0.001, patience 20 on the
training loss, best parameters restored; then the linear probe (logistic regression, Adam 0.01,
100 epochs, 50 restarts). Prints one JSON object: accuracy mean/sd (percent), training seconds,
epochs, peak RSS bytes.

usage: python pyg_dgi.py DATASET_DIR SEED THREADS [NODES]
"""
import json, resource, sys, time

import torch
from torch_geometric.nn import DeepGraphInfomax, GCNConv

root, seed, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(threads)
torch.manual_seed(seed)

def rows(name):
    with open(f"{root}/{name}") as f:
        return [line.split() for line in f if line.strip()]

labels = {int(a): int(b) for a, b in rows("labels.txt")}
n = max(labels) + 1
feats = rows("features.txt")
f = max(int(b) for _, b in feats) + 1
x = torch.zeros(n, f)
for a, b in feats:
    x[int(a), int(b)] = 1.0
x = x / x.sum(1, keepdim=True).clamp(min=1)
edges = torch.tensor([[int(a), int(b)] for a, b in rows("edges.txt")]).t()
edge_index = torch.cat([edges, edges.flip(0)], 1)
y = torch.tensor([labels[i] for i in range(n)])
train = torch.tensor([int(r[0]) for r in rows("train.txt")])
test = torch.tensor([int(r[0]) for r in rows("test.txt")])

class Encoder(torch.nn.Module):
    def __init__(self, i, h):
        super().__init__()
        self.conv = GCNConv(i, h, cached=True)
        self.act = torch.nn.PReLU()
    def forward(self, x, edge_index):
        return self.act(self.conv(x, edge_index))

def corruption(x, edge_index):
    return x[torch.randperm(x.size(0))], edge_index

model = DeepGraphInfomax(512, Encoder(f, 512), summary=lambda z, *a, **k: torch.sigmoid(z.mean(0)), corruption=corruption)
opt = torch.optim.Adam(model.parameters(), lr=0.001)
best, best_state, wait, epochs = float("inf"), None, 0, 0
start = time.perf_counter()
while True:
    epochs += 1
    model.train(); opt.zero_grad()
    pos, neg, s = model(x, edge_index)
    loss = model.loss(pos, neg, s)
    if loss.item() < best:
        best, wait = loss.item(), 0
        best_state = {k: v.clone() for k, v in model.state_dict().items()}
    else:
        wait += 1
        if wait >= 20: break
    loss.backward(); opt.step()
model.load_state_dict(best_state)
model.eval()
with torch.no_grad():
    z, _, _ = model(x, edge_index)
seconds = time.perf_counter() - start

accs = []
classes = int(y.max()) + 1
for r in range(50):
    lin = torch.nn.Linear(512, classes)
    torch.nn.init.xavier_uniform_(lin.weight); torch.nn.init.zeros_(lin.bias)
    o = torch.optim.Adam(lin.parameters(), lr=0.01)
    for _ in range(100):
        o.zero_grad()
        torch.nn.functional.cross_entropy(lin(z[train]), y[train]).backward()
        o.step()
    with torch.no_grad():
        accs.append(100.0 * (lin(z[test]).argmax(1) == y[test]).float().mean().item())
accs = torch.tensor(accs)
print(json.dumps({"mean": accs.mean().item(), "sd": accs.std().item(), "seconds": seconds, "epochs": epochs,
                  "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                  "torch": torch.__version__}))

"""Times our LeNet-5 in PyTorch on the CPU: the comparison `npm run bench:pytorch` (scripts/benchPytorch.ts) prints.

The network is src/engine/model/lenet5.ts's default: 32x32 input, conv 6@5x5 + ReLU, 2x2 max pooling, conv
16@5x5 over all 6 maps (full C3) + ReLU, 2x2 max pooling, dense 400-120-84-10 with ReLU, softmax cross-entropy.
Training: one fixed random batch, SGD with learning rate 0.01 and momentum 0.9, 10 warm-up steps, then steps
until at least `--seconds` have passed. Inference: one image, no gradient, median of `--infer-samples`.
Each thread count is measured in turn; the result (JSON on stdout) lists every measurement.
"""

import argparse
import json
import platform
import statistics
import sys
import time

try:
    import torch
    from torch import nn
except ImportError as error:  # the TypeScript driver reports this and skips the benchmark
    print(json.dumps({"error": f"PyTorch is not installed for {sys.executable}: {error}"}))
    sys.exit(3)


def lenet5() -> nn.Module:
    return nn.Sequential(
        nn.Conv2d(1, 6, 5),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(400, 120),
        nn.ReLU(),
        nn.Linear(120, 84),
        nn.ReLU(),
        nn.Linear(84, 10),
    )


def train_images_per_second(batch_size: int, seconds: float) -> float:
    torch.manual_seed(1)
    model = lenet5()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    inputs = torch.rand(batch_size, 1, 32, 32)
    labels = torch.randint(0, 10, (batch_size,))

    def step() -> None:
        optimizer.zero_grad(set_to_none=True)
        loss_fn(model(inputs), labels).backward()
        optimizer.step()

    for _ in range(10):
        step()
    steps = 0
    start = time.perf_counter()
    while True:
        step()
        steps += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return steps * batch_size / elapsed


def infer_ms(samples: int) -> float:
    torch.manual_seed(1)
    model = lenet5().eval()
    image = torch.rand(1, 1, 32, 32)
    times = []
    with torch.no_grad():
        for _ in range(20):
            model(image)
        for _ in range(samples):
            start = time.perf_counter()
            model(image)
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--batch-sizes", default="64,256")
    parser.add_argument("--infer-samples", type=int, default=500)
    args = parser.parse_args()
    default_threads = torch.get_num_threads()
    thread_counts = sorted({1, 2, default_threads})
    measurements = []
    for threads in thread_counts:
        torch.set_num_threads(threads)
        row = {"threads": threads, "train": {}, "inferMs": infer_ms(args.infer_samples)}
        for batch_size in [int(b) for b in args.batch_sizes.split(",")]:
            row["train"][str(batch_size)] = train_images_per_second(batch_size, args.seconds)
        print(f"threads {threads}: {json.dumps(row)}", file=sys.stderr)
        measurements.append(row)
    print(
        json.dumps(
            {
                "torchVersion": torch.__version__,
                "python": platform.python_version(),
                "executable": sys.executable,
                "defaultThreads": default_threads,
                "secondsPerMeasurement": args.seconds,
                "measurements": measurements,
            }
        )
    )


if __name__ == "__main__":
    main()

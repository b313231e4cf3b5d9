#include "detail/binary_training.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include "detail/perceptron.hpp"

namespace presslens::detail {
namespace {

// Each line's index, the annotators' lines `gold_weight` times each, in a shuffled order that
// is the same on every platform (std::shuffle's is not specified).
std::vector<std::size_t> shuffled(std::span<const BinaryExample> lines, std::uint32_t gold_weight,
                                  std::mt19937_64& random) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    order.insert(order.end(), lines[i].gold ? gold_weight : 1, i);
  }
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);
  return order;
}

}  // namespace

SparseRows train_binary(std::span<const BinaryExample> lines, std::uint32_t held_out,
                        const BinaryTrainingOptions& options) {
  PerceptronTrainer trainer(2);
  std::mt19937_64 random(options.seed);
  for (std::uint32_t epoch = 0; epoch < options.epochs; ++epoch) {
    for (const std::size_t i : shuffled(lines, options.gold_weight, random)) {
      const BinaryExample& line = lines[i];
      if (line.fold == held_out) continue;
      float scores[2] = {0, 0};
      trainer.add_scores(line.features, scores);
      const std::uint32_t guess = scores[1] > scores[0] ? 1 : 0;
      trainer.update(line.features, line.positive ? 1 : 0, guess);
      trainer.tick();
    }
  }
  return trainer.average();
}

// Maximum likelihood with Platt's smoothed targets, against overconfidence. Newton's
// method from the flat curve, on margins scaled to unit spread, each step halved until the
// likelihood improves: raw perceptron margins run to the thousands, where undamped steps diverge.
std::pair<double, double> fit_logistic(const std::vector<std::pair<float, bool>>& margins) {
  double positives = 0, sum = 0, squares = 0;
  for (const auto& [x, body] : margins) {
    positives += body ? 1 : 0;
    sum += x;
    squares += static_cast<double>(x) * x;
  }
  const auto n = static_cast<double>(margins.size());
  const double spread = std::sqrt(std::max(1e-12, squares / n - (sum / n) * (sum / n)));
  const double high = (positives + 1) / (positives + 2), low = 1 / (n - positives + 2);
  const auto loss = [&](double a, double b) {
    double total = 0;
    for (const auto& [x, body] : margins) {
      const double z = a * x / spread + b, t = body ? high : low;
      // -(t log p + (1 - t) log(1 - p)) with p = 1 / (1 + e^-z), computed without overflow
      total += std::max(z, 0.0) - t * z + std::log1p(std::exp(-std::abs(z)));
    }
    return total;
  };
  double a = 0, b = 0, current = loss(a, b);
  for (int iteration = 0; iteration < 100; ++iteration) {
    double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
    for (const auto& [raw, body] : margins) {
      const double x = raw / spread;
      const double p = 1 / (1 + std::exp(-(a * x + b)));
      const double error = p - (body ? high : low);
      const double weight = p * (1 - p);
      ga += error * x;
      gb += error;
      haa += weight * x * x;
      hab += weight * x;
      hbb += weight;
    }
    const double det = haa * hbb - hab * hab;
    if (det <= 0) break;
    double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
    double next = loss(a - da, b - db);
    for (int halving = 0; halving < 30 && next > current; ++halving) {
      da /= 2;
      db /= 2;
      next = loss(a - da, b - db);
    }
    if (next > current) break;
    a -= da;
    b -= db;
    const bool converged = current - next < 1e-10 * n;
    current = next;
    if (converged) break;
  }
  return {a / spread, b};
}

}  // namespace presslens::detail

import type { Check } from "./check";
import { reason } from "./check";

/**
 * Fake reviews: a near-perfect score on few reviews (>= 4.95 with < 20), or a
 * burst (more than half of the reviews in the last 30 days): 10 points.
 * @example reviews.run({ ...order, supplier: { reviewScore: 5, reviewCount: 8 } }, ctx) // code "too_perfect"
 */
export const reviews: Check = {
  id: "reviews",
  run(order, ctx) {
    const { perfectScore, minReviews, recentShare, points } = ctx.settings.reviews;
    const { reviewScore, reviewCount, recentReviewShare } = order.supplier;
    if (reviewScore !== undefined && reviewScore >= perfectScore && (reviewCount ?? 0) < minReviews) {
      return reason("reviews", "too_perfect", points, { score: reviewScore, count: reviewCount ?? 0, minReviews });
    }
    if (recentReviewShare !== undefined && recentReviewShare > recentShare) {
      return reason("reviews", "review_burst", points, { recentShare: Math.round(recentReviewShare * 1000) / 1000 });
    }
    return undefined;
  },
};

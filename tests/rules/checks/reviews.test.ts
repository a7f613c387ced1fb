import { reviews } from "../../../src/rules/checks/reviews";
import { order, run } from "./helpers";

describe("reviews", () => {
  it("flags a 5.0 score on 8 reviews as too perfect", () => {
    expect(run(reviews, order({ supplier: { reviewScore: 5, reviewCount: 8 } }))).toMatchObject([
      { code: "too_perfect", points: 10 },
    ]);
  });

  it("flags a burst: 60% of the reviews in the last 30 days", () => {
    expect(
      run(reviews, order({ supplier: { reviewScore: 4.6, reviewCount: 200, recentReviewShare: 0.6 } })),
    ).toMatchObject([{ code: "review_burst", points: 10 }]);
  });

  it("is silent for 4.96 on 300 reviews spread over time", () => {
    expect(
      run(reviews, order({ supplier: { reviewScore: 4.96, reviewCount: 300, recentReviewShare: 0.1 } })),
    ).toEqual([]);
  });
});

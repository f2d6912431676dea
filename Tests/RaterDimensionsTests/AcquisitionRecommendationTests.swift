import Rater
import Testing

/// Someone else's recommendation that brought the customer (朋友推荐来的, "a friend recommended it") says how the
/// customer was won, not that this customer will recommend: it is no loyalty signal. The customer's own intent to
/// recommend (会推荐给朋友, 已经向朋友推荐了, "I will recommend it to friends") still is. Sentences written for these
/// tests, from restaurants, banks, shops, salons, dentists, hotels and telecoms.
@Suite struct AcquisitionRecommendationTests {
    @Test(arguments: ["朋友推荐来的，环境确实不错", "经同事推荐办了这张信用卡，额度还行", "听网友推荐买的，质量一般",
                      "闺蜜推荐的美甲店，做得很细致", "A friend recommended it and the food was fine.",
                      "My colleagues recommend this dentist, and the cleaning was quick.",
                      "It came highly recommended and the room was clean.",
                      "The hotel was highly recommended by my sister, the pool was nice."])
    func anotherPersonsRecommendationIsNoLoyalty(_ text: String) throws {
        #expect(try !signals(text).contains(.loyal), "\(text)")
    }

    @Test(arguments: ["味道很好，会推荐给朋友的", "已经向朋友推荐了这家诊所", "网速稳定，给同事推荐了这个套餐",
                      "强烈推荐这家店", "I will recommend it to friends.", "Would recommend this bank to anyone.",
                      "Highly recommended!", "I highly recommend this plumber."])
    func theCustomersOwnRecommendationIsLoyal(_ text: String) throws {
        #expect(try signals(text).contains(.loyal), "\(text)")
    }
}

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension Risk {
  /// Likelihood and impact from 1 to 5 and an id of at most 64 characters, checked at load:
  /// anything else is an error at its line, never a score that overflows later.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    title = try c.decode(String.self, forKey: .title)
    phase = try c.decode(String.self, forKey: .phase)
    likelihood = try c.decode(Int.self, forKey: .likelihood)
    impact = try c.decode(Int.self, forKey: .impact)
    owner = try c.decode(String.self, forKey: .owner)
    mitigation = try c.decode(String.self, forKey: .mitigation)
    status = try c.decode(RiskStatus.self, forKey: .status)
    reviewDate = try c.decodeIfPresent(String.self, forKey: .reviewDate)
    prompt = try c.decodeIfPresent(String.self, forKey: .prompt)
    raised = try c.decode(Date.self, forKey: .raised)
    for (key, value) in [(CodingKeys.likelihood, likelihood), (.impact, impact)]
    where !(1...5).contains(value) {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: c, debugDescription: "\(key.rawValue) is a whole number from 1 to 5")
    }
    if id.isEmpty || id.count > 64 {
      throw DecodingError.dataCorruptedError(
        forKey: .id, in: c, debugDescription: "a risk id is 1 to 64 characters, such as R3")
    }
  }
}

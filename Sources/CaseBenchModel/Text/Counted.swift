/// The one rule for a count in words: "1 team", "3 teams", "0 files", "1 risk", "2 risks".
/// `plural` is for words that do not just take an "s" ("1 match", "2 matches"). Every screen,
/// report and message that prints a number of things says it through here, never "team(s)".
public func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
  "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
}

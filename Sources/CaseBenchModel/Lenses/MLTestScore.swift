/// The ML Test Score, 2017 rubric (Breck et al., IEEE Big Data 2017): each test 0, 0.5 or 1;
/// a section's score is the sum of its tests; the final score is the smallest section sum,
/// so the weakest section caps the whole. Always shown with its workings.
public struct MLTestScore: Sendable, Equatable {
  public struct Section: Sendable, Equatable {
    public var id: String
    public var title: String
    public var points: [TestPoints]

    public init(id: String, title: String, points: [TestPoints]) {
      self.id = id
      self.title = title
      self.points = points
    }

    /// The sum of the tests' points. Halves and wholes add exactly in binary floating point.
    public var sum: Double { points.reduce(0) { $0 + $1.rawValue } }
  }

  /// The six bands of the final score, with what each means (in casebench's words).
  public enum Band: Int, Sendable, Equatable, CaseIterable {
    case zero, upToOne, upToTwo, upToThree, upToFive, aboveFive

    /// The band a final score falls in: 0; (0,1]; (1,2]; (2,3]; (3,5]; above 5.
    public init(score: Double) {
      switch score {
      case ...0: self = .zero
      case ...1: self = .upToOne
      case ...2: self = .upToTwo
      case ...3: self = .upToThree
      case ...5: self = .upToFive
      default: self = .aboveFive
      }
    }

    public var range: String {
      switch self {
      case .zero: "0"
      case .upToOne: "(0, 1]"
      case .upToTwo: "(1, 2]"
      case .upToThree: "(2, 3]"
      case .upToFive: "(3, 5]"
      case .aboveFive: "above 5"
      }
    }

    public var meaning: String {
      switch self {
      case .zero: "more a research project than a system in production"
      case .upToOne: "not wholly untested, but expect serious gaps in reliability"
      case .upToTwo: "a first pass at production; more investment is likely to be needed"
      case .upToThree: "reasonably tested; more of the tests and procedures could be automated"
      case .upToFive:
        "strong automated testing and monitoring, fit for a system that must not fail"
      case .aboveFive: "exceptional automated testing and monitoring"
      }
    }
  }

  public var sections: [Section]

  public init(sections: [Section]) { self.sections = sections }

  /// The smallest section sum; 0 with no sections.
  public var final: Double { sections.map(\.sum).min() ?? 0 }

  public var band: Band { Band(score: final) }

  /// The sections that set the final score.
  public var weakest: [Section] { sections.filter { $0.sum == final } }

  /// "3.5", "2", "0.5": a score as the rubric writes it.
  public static func format(_ value: Double) -> String {
    let halves = Int((value * 2).rounded())
    return halves % 2 == 0 ? "\(halves / 2)" : "\(halves / 2).5"
  }

  /// "Data 3.5 · Model 2 · Infrastructure 1 · Monitoring 0.5; the minimum is 0.5 (Monitoring)";
  /// plain-ASCII reports pass their own separator.
  public func workings(separator: String = " · ") -> String {
    let sums = sections.map { "\($0.title) \(Self.format($0.sum))" }.joined(separator: separator)
    let names = weakest.map(\.title).joined(separator: ", ")
    return "\(sums); the minimum is \(Self.format(final))"
      + (sections.isEmpty ? "" : " (\(names))")
  }

  /// "Final score 0.5, band (0, 1]: not wholly untested, …".
  public var verdict: String {
    "Final score \(Self.format(final)), band \(band.range): \(band.meaning)"
  }
}

extension Lens {
  /// The rubric's score of this lens in `session`: one section per lens phase, each test's
  /// points as recorded (0 when not given).
  public func mlTestScore(in session: Session) -> MLTestScore {
    MLTestScore(
      sections: checklist.phases.map { phase in
        MLTestScore.Section(
          id: phase.id, title: phase.title,
          points: phase.items.map { session.points(of: key($0.id)) })
      })
  }
}

/// Lenses compiled into the binary, addable by name (`casebench lens add ml-test-score FILE`).
public enum BuiltInLenses {
  /// The ML Test Score (2017 rubric), in casebench's own words: `Resources/ml-test-score.yaml`.
  public static var mlTestScoreYAML: String {
    String(decoding: PackageResources.ml_test_score_yaml, as: UTF8.self)
  }

  /// The names `lens add` takes instead of a file, and each one's YAML.
  public static var byName: [(name: String, yaml: String)] {
    [("ml-test-score", mlTestScoreYAML)]
  }

  /// The YAML of the built-in lens called `name`, or nil.
  public static func yaml(named name: String) -> String? {
    byName.first { $0.name == name }?.yaml
  }
}

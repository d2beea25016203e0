import CaseBenchCore
import Foundation

// Writes the image of a built-in case study (see CaseStudyImage), for scripts/compile-builtin:
//   casebench-compile-builtin YAML IMAGE
// The YAML must load without errors; its problems are printed as lint prints them otherwise.

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let yamlPath = arguments.first, let imagePath = arguments.last else {
  FileHandle.standardError.write(Data("usage: casebench-compile-builtin YAML IMAGE\n".utf8))
  exit(2)
}
do {
  let source = [UInt8](try Data(contentsOf: URL(fileURLWithPath: yamlPath)))
  let study = try CaseStudyLoader.parse(String(decoding: source, as: UTF8.self), file: yamlPath)
  let image = CaseStudyImage.encode(study, source: source)
  try Data(image).write(to: URL(fileURLWithPath: imagePath), options: .atomic)
  print("\(imagePath): \(image.count) bytes, from \(yamlPath) (\(source.count) bytes)")
} catch let error as CaseStudyLoadError {
  FileHandle.standardError.write(Data((error.description + "\n").utf8))
  exit(65)
} catch {
  FileHandle.standardError.write(Data("casebench-compile-builtin: \(error)\n".utf8))
  exit(1)
}

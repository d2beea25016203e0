import CaseBenchLoading
import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
  import CXattr
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Who may read a team's file. In a folder set up by `casebench workshop DIR --init` a new file
/// gets, from the folder's default POSIX ACL, read access for the facilitator (the folder's
/// owner) alone: the group may create files in the folder but not read each other's.
public enum WorkshopPrivacy {
  // The kernel's ACL attribute format: a version word, then (tag, permissions, id) entries
  // sorted by tag and id.
  static let version: UInt32 = 2
  static let userObject: UInt16 = 0x01
  static let user: UInt16 = 0x02
  static let groupObject: UInt16 = 0x04
  static let group: UInt16 = 0x08
  static let mask: UInt16 = 0x10
  static let other: UInt16 = 0x20
  static let noID: UInt32 = 0xFFFF_FFFF
  static let accessAttribute = "system.posix_acl_access"
  static let defaultAttribute = "system.posix_acl_default"

  package struct Entry: Equatable {
    var tag: UInt16
    var permissions: UInt16
    var id: UInt32
  }

  /// The default ACL `--init` gives the folder: owner read-write, the facilitator read, the
  /// owning group and others nothing; the mask lets the facilitator's read through.
  static func folderDefault(facilitator: uid_t) -> [Entry] {
    [
      Entry(tag: userObject, permissions: 6, id: noID),
      Entry(tag: user, permissions: 4, id: UInt32(facilitator)),
      Entry(tag: groupObject, permissions: 0, id: noID),
      Entry(tag: mask, permissions: 4, id: noID),
      Entry(tag: other, permissions: 0, id: noID),
    ]
  }

  static func encode(_ entries: [Entry]) -> [UInt8] {
    var bytes: [UInt8] = []
    func put32(_ v: UInt32) {
      for shift in stride(from: 0, to: 32, by: 8) {
        bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(shift)))
      }
    }
    func put16(_ v: UInt16) {
      bytes.append(UInt8(truncatingIfNeeded: v))
      bytes.append(UInt8(truncatingIfNeeded: v >> 8))
    }
    put32(version)
    for e in entries {
      put16(e.tag)
      put16(e.permissions)
      put32(e.id)
    }
    return bytes
  }

  /// The entries of an ACL attribute; nil when it is not one this code knows.
  static func decode(_ bytes: [UInt8]) -> [Entry]? {
    guard bytes.count >= 4, (bytes.count - 4) % 8 == 0 else { return nil }
    func u16(_ i: Int) -> UInt16 { UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 }
    func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }
    guard u32(0) == version else { return nil }
    return stride(from: 4, to: bytes.count, by: 8).map {
      Entry(tag: u16($0), permissions: u16($0 + 2), id: u32($0 + 4))
    }
  }

  /// Gives the folder its default ACL. Returns errno on failure (ENOTSUP: no ACLs here).
  static func setFolderDefault(_ folder: String, facilitator: uid_t) -> Int32? {
    #if os(Linux)
      let bytes = encode(folderDefault(facilitator: facilitator))
      let result = bytes.withUnsafeBytes {
        setxattr(folder, defaultAttribute, $0.baseAddress, $0.count, 0)
      }
      return result == 0 ? nil : errno
    #else
      return ENOTSUP
    #endif
  }

  package static func attribute(_ path: String, _ name: String) -> [UInt8]? {
    #if os(Linux)
      var buffer = [UInt8](repeating: 0, count: 4 + 8 * 64)
      let n = buffer.withUnsafeMutableBytes { lgetxattr(path, name, $0.baseAddress, $0.count) }
      return n < 0 ? nil : Array(buffer[0..<n])
    #else
      return nil
    #endif
  }

  /// Whether anyone other than the file's owner and `facilitator` may read the file, going
  /// by its ACL (or its mode when it has none) and by whether the folder lets anyone else in.
  public static func othersCanRead(_ file: String, folder: String, facilitator: uid_t) -> Bool {
    guard let folderEntry = POSIX.entry(folder), let fileEntry = POSIX.entry(file) else {
      return false
    }
    let folderACL = attribute(folder, accessAttribute).flatMap(decode)
    let folderOpen = folderEntry.mode & 0o011 != 0 || folderACL != nil
    guard folderOpen else { return false }
    guard let acl = attribute(file, accessAttribute).flatMap(decode) else {
      return fileEntry.mode & 0o044 != 0
    }
    let maskBits = acl.first { $0.tag == mask }?.permissions ?? 7
    return acl.contains { e in
      switch e.tag {
      case other: e.permissions & 4 != 0
      case groupObject, group: e.permissions & maskBits & 4 != 0
      case user: e.id != UInt32(facilitator) && e.permissions & maskBits & 4 != 0
      default: false
      }
    }
  }

  /// Whether the folder gives new files the facilitator-only default ACL.
  public static func hasPrivateDefault(_ folder: String) -> Bool {
    guard let acl = attribute(folder, defaultAttribute).flatMap(decode) else { return false }
    let maskBits = acl.first { $0.tag == mask }?.permissions ?? 7
    let groupReads = acl.contains {
      ($0.tag == groupObject || $0.tag == group) && $0.permissions & maskBits & 4 != 0
    }
    let otherReads = acl.contains { $0.tag == other && $0.permissions & 4 != 0 }
    return !groupReads && !otherReads
  }
}

extension WorkshopStateFile {
  /// `casebench workshop DIR --init`, run by the facilitator, who owns the folder: the folder
  /// becomes 3770 (the group may add files, new files stay in its group, nobody deletes
  /// another's), gets the default ACL that lets the facilitator alone read the teams' files,
  /// and the facilitator's file is written, so no participant can write it first. Returns what
  /// it did, a line each; a file system without ACLs is a warning line, not a failure.
  public static func initialize(folder: URL) throws(WorkshopStateError) -> [String] {
    let path = folder.path
    guard POSIX.isDirectory(path) == true, let owner = folderOwner(folder) else {
      throw WorkshopStateError(
        file: path, message: "no such workshop folder", fix: "create it first (mkdir)")
    }
    guard owner == POSIX.currentUser else {
      throw WorkshopStateError(
        file: path, message: "only the folder's owner (uid \(owner)) may set it up",
        fix: "run it as the facilitator, who owns the folder (sudo chown it first)")
    }
    guard chmod(path, 0o3770) == 0 else {
      throw WorkshopStateError(
        file: path, message: "cannot set the folder's mode: \(POSIX.errorText(errno))",
        fix: "check that you own the folder")
    }
    var said = ["\(path): mode 3770 (the group may add files; nobody deletes another's)"]
    if let code = WorkshopPrivacy.setFolderDefault(path, facilitator: owner) {
      said.append(
        DiagnosticLine.format(
          file: path, severity: .warning,
          message: "cannot give the folder a default ACL (\(POSIX.errorText(code))); "
            + "every member of the group can read every team's file",
          fix: "use a file system with POSIX ACLs (ext4, xfs, btrfs), or one folder per team"))
    } else {
      said.append("\(path): new files readable by their team and by you alone (default ACL)")
    }
    do {
      try update(in: folder) { _ in }
    } catch {
      // Our own file no longer loads: start it again.
      try write(WorkshopState(), in: folder)
    }
    said.append("\(url(in: folder).path): the facilitator's file, yours")
    return said
  }
}

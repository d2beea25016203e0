import CNcursesw
import CaseBenchTUI

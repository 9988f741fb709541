// `import Rota` gives every part of rota: the model, the readers, the planner, the verifier, the conflict re-check,
// the proof, the outputs, the audit and the generator, plus the pipeline that joins them.
@_exported import RotaCore
@_exported import RotaInput
@_exported import RotaSolver
@_exported import RotaPlanner
@_exported import RotaVerifier
@_exported import RotaConflictCheck
@_exported import RotaProof
@_exported import RotaOutput
@_exported import RotaAudit
@_exported import RotaGenerator

"""The access policy: which callers may call which RPCs on which resources (`SFN_GRPC_POLICY_FILE`).

The file is YAML, a list of rules; a call is allowed when ONE rule names its caller, its RPC and
every ARN in its request::

    rules:
      - callers: ["spiffe://example.org/ns/a/sa/reader"]      # globs over caller identities
        rpcs: [read]                                           # RPC names or groups: read, write, all
        resources: ["arn:aws:states:*:*:stateMachine:team-a-*"]  # ARN globs; [] = only calls naming no ARN

- Callers are named by `service.identity.caller_identity` (certificate URI SAN, DNS SAN or CN; the
  XFCC of a trusted proxy; else the peer host such as ``ipv4:10.0.0.7``).
- Groups come from the RPC table: `read` is every RPC the table marks as a read (Describe*, List*,
  Get* but GetActivityTask, which hands a task out) and the gateway's own RPCs, which only observe
  (StreamExecutionHistory, WatchExecutions, WaitExecution); `write` is every other RPC; `all` both.
- Resources are the request's ARN fields: every string field named ``*_arn``, at any depth (in the
  model every ARN member is so named, and only those), so an RPC needs no code of its own. Every
  ARN a request names must be covered, including an IAM role a CreateStateMachine passes: the
  policy says which ARNs a caller may name. An execution, express execution, map run, version or
  alias ARN is also covered by a glob that covers its state machine's ARN
  (``...:execution:orders:run-1`` by ``...:stateMachine:orders``), so one glob grants a state
  machine and everything under it. CreateStateMachine and CreateActivity are also checked on the
  name they create (``stateMachine:<name>``), against the resource part of the Step Functions globs. Globs are case-sensitive; ``*`` matches any characters, ``:``
  and ``/`` included, ``?`` any one character, and nothing else is special (``[`` is itself).
- RPCs that name no ARN (ListStateMachines, ListActivities, SendTask*, ...) are allowed by the RPC
  alone. List results are not filtered: a caller allowed ListStateMachines sees every state
  machine's name and ARN (not what is in it).
- Page tokens and watch cursors are bound to every argument of their request but max_results
  (service/paging.py), and those arguments are checked like any other call's: a token cannot
  widen what its caller may see.

Everything else is refused with PERMISSION_DENIED, ErrorInfo reason ACCESS_DENIED (metadata: the
caller and the method, and the ARN when an ARN was the reason), before anything goes to AWS.
Without a policy file every caller may call everything, and the start-up log says so.

The file is checked at start (a mistake stops the server, naming the line and the field) and read
again when it changes (`PolicyFile`: a call looks at its stat at most once a second); a changed
file with a mistake is logged and the policy in force stays.
"""

from __future__ import annotations

import difflib
import logging
import os
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
import yaml
from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message

from service.config import ConfigurationError
from service.errors import ServiceError
from service.identity import caller_identity
from service.rpc import SERVICE, Rpc

log = logging.getLogger(__name__)

ACCESS_DENIED = "ACCESS_DENIED"
GROUPS = ("read", "write", "all")
_STR = "tag:yaml.org,2002:str"
# Resource types whose ARN names a state machine first: <type>:<machine>[/<map label>][:<more>].
_UNDER_A_STATE_MACHINE = frozenset({"execution", "express", "mapRun", "stateMachine"})
_MAX_SHOWN_CALLER = 256  # a forwarded identity is the caller's text: bounded in the error
# How often a call may look whether the policy file changed (one stat).
RELOAD_CHECK_SECONDS = 1.0


class PolicyError(ConfigurationError):
    """A policy file that cannot be used; the message names the file, the line and the field."""


def rpc_groups(table: Mapping[str, Rpc]) -> dict[str, frozenset[str]]:
    """The RPC groups, from the RPC table: the gateway's own RPCs (not in the table) only observe."""
    every = frozenset(method.name for method in SERVICE.methods)
    read = frozenset(name for name in every if name not in table or table[name].operation.read)
    return {"read": read, "write": every - read, "all": every}


def _glob(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """The globs as one pattern: `*` any run of characters, `?` any one, every other character itself.

    Not fnmatch: its `[...]` classes would make `ipv6:[::1]` (a caller's name) match `ipv6:1`.
    """
    alternatives = ["".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in p) for p in patterns]
    return re.compile(f"(?s:{'|'.join(alternatives)})\\Z" if alternatives else r"(?!)")


def covering_arns(arn: str) -> tuple[str, ...]:
    """The ARN and, for anything under a state machine, the state machine's ARN."""
    parts = arn.split(":", 6)
    if len(parts) < 7 or parts[0] != "arn" or parts[2] != "states" or parts[5] not in _UNDER_A_STATE_MACHINE:
        return (arn,)
    machine = parts[6].split(":", 1)[0].split("/", 1)[0]
    parent = ":".join([*parts[:5], "stateMachine", machine])
    return (arn,) if parent == arn else (arn, parent)


@dataclass(frozen=True)
class Rule:
    """One rule: callers (globs), RPC names, resource ARN globs; `line` is where it is in the file."""

    callers: tuple[str, ...]
    rpcs: frozenset[str]
    resources: tuple[str, ...]
    line: int = 0
    _callers: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _resources: re.Pattern[str] = field(init=False, repr=False, compare=False)

    _new: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Each list of globs as one compiled pattern, once.
        object.__setattr__(self, "_callers", _glob(self.callers))
        object.__setattr__(self, "_resources", _glob(self.resources))
        # What a Create* call may name: the globs' resource part (`stateMachine:payments-*`), for the
        # Step Functions globs ('*' is every resource).
        parts = [glob.split(":", 5) for glob in self.resources if glob != "*"]
        new = ["*" if glob == "*" else "" for glob in self.resources]
        new += [p[5] for p in parts if len(p) == 6 and _glob((p[2],)).match("states")]
        object.__setattr__(self, "_new", _glob(tuple(g for g in new if g)))

    def names(self, caller: str) -> bool:
        """True when the rule is about this caller."""
        return self._callers.match(caller) is not None

    def covers(self, arn: str) -> bool:
        """True when the rule's resources cover this ARN (or its state machine's)."""
        return any(self._resources.match(candidate) for candidate in covering_arns(arn))

    def covers_new(self, resource: str) -> bool:
        """True when the rule's resources cover a resource a call creates (`stateMachine:<name>`).

        Its ARN does not exist yet, and its region and account are those of the gateway's AWS
        credentials: a glob covers it when its service and resource parts do.
        """
        return self._new.match(resource) is not None


@dataclass(frozen=True)
class Denial:
    """Why a call is refused: the ARN that no rule of the caller covers ("" when the RPC itself is not allowed)."""

    resource: str


@dataclass(frozen=True)
class Policy:
    """The rules of a policy file."""

    rules: tuple[Rule, ...]
    source: str = ""

    def check(self, caller: str, rpc: str, arns: list[str], created: Sequence[str] = ()) -> Denial | None:
        """None when one rule allows `caller` to call `rpc` naming all of `arns` and creating `created`.

        Else why not. `created`: the resources the call would create (`created_resources`).
        """
        candidates = [rule for rule in self.rules if rpc in rule.rpcs and rule.names(caller)]
        if not candidates:
            return Denial("")
        for rule in candidates:
            if all(rule.covers(arn) for arn in arns) and all(rule.covers_new(new) for new in created):
                return None
        for new in created:
            if not any(rule.covers_new(new) for rule in candidates):
                return Denial(f"{new} (to be created)")
        uncovered = next((arn for arn in arns if not any(rule.covers(arn) for rule in candidates)), None)
        return Denial(uncovered or (arns[0] if arns else f"{created[0]} (to be created)"))


# The RPCs that create a named Step Functions resource, and its type in the ARN it will have. (An
# alias is created under a state machine whose version ARNs the request names; an execution under the
# state machine it names: both are checked as ARNs.)
_CREATES = {"CreateStateMachine": "stateMachine", "CreateActivity": "activity"}


def created_resources(rpc: str, message: Message) -> list[str]:
    """What a call creates, as the resource part of its future ARN (`stateMachine:payments-orders`)."""
    kind = _CREATES.get(rpc)
    name = getattr(message, "name", "") if kind else ""
    return [f"{kind}:{name}"] if name else []


def resource_arns(message: Message) -> list[str]:
    """Every ARN a request names: its set string fields called `*_arn`, at any depth."""
    return list(_arns(message))


def _arns(message: Message) -> Iterator[str]:
    for member, value in message.ListFields():
        if member.type == FieldDescriptor.TYPE_MESSAGE:
            entry = member.message_type
            if entry is not None and entry.GetOptions().map_entry:
                value_field = entry.fields_by_name["value"]
                if value_field.type == FieldDescriptor.TYPE_MESSAGE:
                    for item in value.values():
                        yield from _arns(item)
                continue
            for item in value if member.is_repeated else (value,):
                yield from _arns(item)
        elif member.type == FieldDescriptor.TYPE_STRING and member.name.endswith("_arn"):
            for item in value if member.is_repeated else (value,):
                if item:
                    yield item


def allow_all(method: str, request: Message, context: grpc.aio.ServicerContext[Any, Any]) -> None:
    """The access decision without a policy: every call is allowed."""


class PolicyFile:
    """A policy file, read again when it changes (checked at most once per `interval` seconds, on a call).

    A changed file that does not load is logged once, as an error naming the line and the field,
    and the policy in force stays; the next change is read again.
    """

    def __init__(
        self,
        path: Path,
        table: Mapping[str, Rpc],
        interval: float = RELOAD_CHECK_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self._table = table
        self._interval = interval
        self._clock = clock
        self._signature = _signature(path)
        self.policy = load_policy(path, table)
        self._refused: tuple[int, int, int, int] | None = None
        self._checked = clock()
        self.reloads = 0

    def current(self) -> Policy:
        """The policy in force, after re-reading the file if it changed since it was last looked at."""
        now = self._clock()
        if now - self._checked < self._interval:
            return self.policy
        self._checked = now
        signature = _signature(self.path)
        if signature is None or signature in (self._signature, self._refused):
            return self.policy  # unchanged, gone for a moment (being replaced), or known bad
        try:
            policy = load_policy(self.path, self._table)
        except PolicyError as exc:
            self._refused = signature
            log.error("the access policy changed but cannot be used, the previous one stays in force: %s", exc)
            return self.policy
        self._signature, self.policy = signature, policy
        self.reloads += 1
        log.info("%s (reloaded)", describe(policy))
        return policy


def _signature(path: Path) -> tuple[int, int, int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)


def describe(policy: Policy | None) -> str:
    """What the log says about access."""
    if policy is None:
        return "no access policy (SFN_GRPC_POLICY_FILE is not set): every caller may call every RPC on every resource"
    callers = sorted({pattern for rule in policy.rules for pattern in rule.callers})
    return (
        f"access policy {policy.source}: {len(policy.rules)} rule(s) for "
        f"{', '.join(callers) or 'nobody'}; everything else is PERMISSION_DENIED"
    )


class Access:
    """Decides every call before it is served: `authorize(method, request, context)`."""

    def __init__(self, source: PolicyFile | None) -> None:
        self.source = source

    def authorize(self, method: str, request: Message, context: grpc.aio.ServicerContext[Any, Any]) -> None:
        """Return when the caller may make this call; else raise PERMISSION_DENIED / ACCESS_DENIED."""
        if self.source is None:
            return  # allow_all
        caller = caller_identity(context)
        denial = self.source.current().check(caller, method, resource_arns(request), created_resources(method, request))
        if denial is None:
            return
        shown = caller if len(caller) <= _MAX_SHOWN_CALLER else caller[: _MAX_SHOWN_CALLER - 1] + "…"
        metadata = {"caller": shown, "method": method}
        if denial.resource:
            metadata["resource"] = denial.resource
            text = f"{shown} may not call {method} on {denial.resource}"
        else:
            text = f"{shown} may not call {method}"
        log.info("access denied: %r", text)  # repr: a caller's ARN cannot break or forge log lines
        raise ServiceError(grpc.StatusCode.PERMISSION_DENIED, ACCESS_DENIED, text, metadata=metadata)

    def describe(self) -> str:
        """What the start-up log says about access."""
        return describe(None if self.source is None else self.source.policy)


def load_access(path: str | None, table: Mapping[str, Rpc]) -> Access:
    """The access decision for the server: the policy file's, or allow-all without one."""
    if not path:
        return Access(None)
    return Access(PolicyFile(Path(path), table))


def load_policy(path: Path, table: Mapping[str, Rpc]) -> Policy:
    """Read and check a policy file; a PolicyError names the line and the field of any problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"cannot read SFN_GRPC_POLICY_FILE {path}: {getattr(exc, 'strerror', None) or exc}") from None
    return parse_policy(text, table, str(path))


def parse_policy(text: str, table: Mapping[str, Rpc], source: str = "<policy>") -> Policy:
    """A policy from its YAML text (`source` names it in errors)."""
    return _Parser(source, rpc_groups(table)).policy(text)


class _Parser:
    """Walks the YAML nodes (not plain data) so that every error can name its line."""

    def __init__(self, source: str, groups: dict[str, frozenset[str]]) -> None:
        self.source = source
        self.groups = groups

    def error(self, node: yaml.Node | None, path: str, text: str) -> PolicyError:
        line = f", line {node.start_mark.line + 1}" if node is not None else ""
        return PolicyError(f"policy file {self.source}{line}: {path}: {text}")

    def policy(self, text: str) -> Policy:
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f", line {mark.line + 1}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc)
            raise PolicyError(f"policy file {self.source}{where}: not valid YAML: {problem}") from None
        if root is None:
            raise PolicyError(f"policy file {self.source}: is empty; it needs `rules:` (a list)")
        fields = self.mapping(root, "the file", required={"rules"}, allowed={"rules"})
        rules_node = fields["rules"]
        if not isinstance(rules_node, yaml.SequenceNode):
            raise self.error(rules_node, "rules", "must be a list of rules")
        rules = tuple(self.rule(node, f"rules[{i}]") for i, node in enumerate(rules_node.value))
        return Policy(rules, self.source)

    def mapping(self, node: yaml.Node, path: str, required: set[str], allowed: set[str]) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, path, f"must be a mapping with {', '.join(sorted(allowed))}")
        found: dict[str, yaml.Node] = {}
        for key, value in node.value:
            name = str(key.value)
            if name not in allowed:
                hint = difflib.get_close_matches(name, sorted(allowed), n=1)
                more = f"; did you mean {hint[0]!r}?" if hint else f" (known: {', '.join(sorted(allowed))})"
                raise self.error(key, f"{path}.{name}" if path != "the file" else name, f"unknown field{more}")
            if name in found:
                raise self.error(key, name, "appears twice")
            found[name] = value
        missing = sorted(required - found.keys())
        if missing:
            raise self.error(node, path, f"missing {', '.join(missing)}")
        return found

    def strings(self, node: yaml.Node, path: str, allow_empty: bool) -> list[tuple[str, yaml.ScalarNode]]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(node, path, "must be a list of strings (quote patterns that start with *)")
        if not node.value and not allow_empty:
            raise self.error(node, path, "must not be empty")
        items = []
        for i, item in enumerate(node.value):
            if not isinstance(item, yaml.ScalarNode) or item.tag != _STR or not str(item.value).strip():
                raise self.error(item, f"{path}[{i}]", "must be a non-empty string")
            items.append((str(item.value), item))
        return items

    def rule(self, node: yaml.Node, path: str) -> Rule:
        keys = {"callers", "rpcs", "resources"}
        fields = self.mapping(node, path, required=keys, allowed=keys)
        callers = [value for value, _ in self.strings(fields["callers"], f"{path}.callers", allow_empty=False)]
        rpcs: set[str] = set()
        for i, (name, item) in enumerate(self.strings(fields["rpcs"], f"{path}.rpcs", allow_empty=False)):
            if name in self.groups:
                rpcs |= self.groups[name]
            elif name in self.groups["all"]:
                rpcs.add(name)
            else:
                known = sorted(self.groups["all"] | set(GROUPS))
                hint = difflib.get_close_matches(name, known, n=1)
                more = f"; did you mean {hint[0]!r}?" if hint else f" (groups: {', '.join(GROUPS)})"
                raise self.error(item, f"{path}.rpcs[{i}]", f"unknown RPC or group {name!r}{more}")
        resources = []
        for i, (glob, item) in enumerate(self.strings(fields["resources"], f"{path}.resources", allow_empty=True)):
            if glob != "*" and not glob.startswith("arn:"):
                raise self.error(item, f"{path}.resources[{i}]", f"{glob!r} is not an ARN glob (arn:...) or '*'")
            resources.append(glob)
        return Rule(tuple(callers), frozenset(rpcs), tuple(resources), node.start_mark.line + 1)

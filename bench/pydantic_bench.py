"""Optional peer: Pydantic v2 `model_validate_json` on models equivalent to
ChatCompletionRequest (same fields, defaults, extras allowed). Reads
{"bench": text, "big": text} on stdin, prints one JSON line of medians in µs.
Run by bench/pydantic.ts only when `import pydantic` works with v2."""
import json
import sys
import time
from typing import Any, Dict, List, Optional, Union

import pydantic
from pydantic import BaseModel, ConfigDict, Field


class Base(BaseModel):
    model_config = ConfigDict(extra="allow")


class ContentPart(Base):
    type: str


class FunctionCall(Base):
    name: str
    arguments: str


class ToolCall(Base):
    id: str
    type: str = "function"
    function: FunctionCall


class ChatMessage(Base):
    role: str
    content: Optional[Union[str, List[ContentPart]]] = None
    name: Optional[str] = None
    function_call: Optional[Dict[str, Any]] = None
    tool_calls: Optional[List[ToolCall]] = None
    tool_call_id: Optional[str] = None


class FunctionDefinition(Base):
    name: str
    description: Optional[str] = None
    parameters: Dict[str, Any] = Field(default_factory=dict)


class ToolDefinition(Base):
    type: str = "function"
    function: FunctionDefinition


class ChatCompletionRequest(Base):
    model: str
    messages: List[ChatMessage]
    max_tokens: int = 128
    presence_penalty: float = 0.0
    frequency_penalty: float = 0.0
    repetition_penalty: float = 1.0
    temperature: float = 0.7
    top_p: float = 0.95
    top_k: int = 0
    min_p: float = 0.0
    suppress_tokens: List[int] = Field(default_factory=list)
    functions: Optional[List[FunctionDefinition]] = None
    function_call: Optional[Union[str, Dict[str, Any]]] = None
    tools: Optional[List[ToolDefinition]] = None
    tool_choice: Optional[Union[str, Dict[str, Any]]] = None
    n: Optional[int] = 1
    stream: Optional[bool] = False
    stop: Optional[Union[str, List[str]]] = None
    logit_bias: Optional[Dict[str, float]] = None
    user: Optional[str] = None
    chat_template_kwargs: Optional[Dict[str, Union[int, float, str, bool]]] = None


def per_op_us(text: bytes, rounds: int = 9, batch_s: float = 0.06) -> float:
    validate = ChatCompletionRequest.model_validate_json
    t0 = time.perf_counter()
    n = 0
    while time.perf_counter() - t0 < 0.3:
        validate(text)
        n += 1
    per_batch = max(1, int(batch_s / ((time.perf_counter() - t0) / n)))
    samples = []
    for _ in range(rounds):
        t = time.perf_counter()
        for _ in range(per_batch):
            validate(text)
        samples.append((time.perf_counter() - t) / per_batch * 1e6)
    samples.sort()
    return samples[len(samples) // 2]


def main() -> None:
    texts = json.load(sys.stdin)
    bench = texts["bench"].encode()
    big = texts["big"].encode()
    ChatCompletionRequest.model_validate_json(bench)
    out = {"version": pydantic.VERSION, "bench_us": per_op_us(bench), "big_us": per_op_us(big)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()

"""Server reflection in both protocol versions, `grpc.reflection.v1` and `grpc.reflection.v1alpha`.

grpcio-reflection implements only v1alpha (grpc/grpc#38576), while current tools (grpcurl, Postman,
grpc-java clients) ask for v1 first and v1alpha is deprecated. The two versions are one protocol
under two package names: the same messages with the same fields and numbers, so the same bytes. We
therefore serve v1 with the library's own servicer, and describe v1 with a file descriptor derived
from the library's v1alpha one (package and type names renamed), so that reflection can describe
itself in both versions and a tool can call either one by name.
"""

from __future__ import annotations

from collections.abc import Iterable

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool
from grpc_reflection.v1alpha import reflection, reflection_pb2

V1ALPHA_PACKAGE = reflection_pb2.DESCRIPTOR.package
V1_PACKAGE = "grpc.reflection.v1"


def _renamed(text: str) -> str:
    return text.replace(V1ALPHA_PACKAGE, V1_PACKAGE).replace("grpc_reflection_v1alpha", "grpc_reflection_v1")


def v1_file_descriptor() -> descriptor_pb2.FileDescriptorProto:
    """grpc/reflection/v1/reflection.proto as published by gRPC: v1alpha's messages in package v1."""
    file = descriptor_pb2.FileDescriptorProto()
    reflection_pb2.DESCRIPTOR.CopyToProto(file)
    file.name = f"{V1_PACKAGE.replace('.', '/')}/reflection.proto"
    file.package = V1_PACKAGE
    file.options.java_package = _renamed(file.options.java_package)
    file.options.go_package = _renamed(file.options.go_package)
    file.options.ClearField("deprecated")  # v1alpha is the deprecated one
    for message in file.message_type:
        for field in message.field:
            if field.HasField("type_name"):  # message and enum fields only; setting it marks a field as one
                field.type_name = _renamed(field.type_name)
    for service in file.service:
        for method in service.method:
            method.input_type = _renamed(method.input_type)
            method.output_type = _renamed(method.output_type)
    return file


def _v1_service(pool: descriptor_pool.DescriptorPool) -> str:
    """Add the v1 descriptor to `pool` once; return the v1 service's full name."""
    file = v1_file_descriptor()
    try:
        pool.FindFileByName(file.name)
    except KeyError:
        pool.AddSerializedFile(file.SerializeToString())
    (service,) = file.service
    return f"{V1_PACKAGE}.{service.name}"


def enable_reflection(service_names: Iterable[str], server: grpc.aio.Server) -> None:
    """Serve reflection v1 and v1alpha on `server`, listing `service_names` and the two reflections."""
    v1_name = _v1_service(descriptor_pool.Default())
    names = (v1_name, reflection.SERVICE_NAME)
    servicer = reflection.aio.ReflectionServicer((*service_names, *names))
    # One handler under both names, with the v1alpha message classes: the two versions' bytes are the same.
    info = grpc.stream_stream_rpc_method_handler(
        servicer.ServerReflectionInfo,
        request_deserializer=reflection_pb2.ServerReflectionRequest.FromString,
        response_serializer=reflection_pb2.ServerReflectionResponse.SerializeToString,
    )
    server.add_generic_rpc_handlers(
        tuple(grpc.method_handlers_generic_handler(name, {"ServerReflectionInfo": info}) for name in names)
    )

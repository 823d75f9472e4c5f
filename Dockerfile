# Build a static binary, then ship it alone on distroless/static.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/guardian ./cmd/action

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/guardian /guardian
ENTRYPOINT ["/guardian"]

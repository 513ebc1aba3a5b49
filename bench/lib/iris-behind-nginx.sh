# Sourced by the router benchmarks, with $port (a Slipway started with the process backend), $nginx_port and $data set:
# deploys sample-apps/iris-onnx held at one instance (maxInstances: 1, so the autoscaler does not start more JVMs on the
# benchmark's two cores while it runs) with serving.maxConcurrency ${ROUTER_LIMIT:-8} (the router's per-instance limit;
# 64 = as many requests at once at the instance as nginx sends it), sets $instance (its port) and $instance_pid, and
# starts nginx (Debian's package) as a keep-alive reverse proxy to that same instance on 127.0.0.1:$nginx_port (pid file
# $data/nginx.pid).
until curl -sf "localhost:$port/actuator/health" >/dev/null; do sleep 0.2; done
. bench/lib/sign-in.sh
cp -r sample-apps/iris-onnx "$data/iris"
sed -i -e "s/maxConcurrency: 8/maxConcurrency: ${ROUTER_LIMIT:-8}/" -e "s/maxInstances: 3/maxInstances: 1/" "$data/iris/slipway.yaml"
grep -q "maxConcurrency: ${ROUTER_LIMIT:-8}" "$data/iris/slipway.yaml" && grep -q "maxInstances: 1" "$data/iris/slipway.yaml" \
  || { echo "sample-apps/iris-onnx/slipway.yaml changed: the benchmark cannot set its limits" >&2; exit 1; }
tar -C "$data/iris" -czf - . | api -sf --data-binary @- -H 'Content-Type: application/gzip' \
  "localhost:$port/api/v1/apps/iris/deployments?follow=true" >"$data/deploy.log"
instance=$(api -sf "localhost:$port/api/v1/apps/iris/instances" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["port"])')
instance_pid=$(ss -ltnpH "sport = :$instance" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
mkdir -p "$data/nginx"
cat >"$data/nginx.conf" <<NGINX
worker_processes auto;
pid $data/nginx.pid;
error_log $data/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $data/nginx; proxy_temp_path $data/nginx; fastcgi_temp_path $data/nginx;
  uwsgi_temp_path $data/nginx; scgi_temp_path $data/nginx;
  upstream iris { server 127.0.0.1:$instance; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://iris;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
NGINX
nginx -c "$data/nginx.conf" -p "$data/nginx"
cat >"$data/infer.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"inputs":[{"name":"input","datatype":"FP32","shape":[1,4],"data":[5.1,3.5,1.4,0.2]}]}'
LUA

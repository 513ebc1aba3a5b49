# Sourced by the router benchmarks, with $port (a Slipway started with the process backend), $nginx_port and $data set:
# deploys sample-apps/iris-onnx, sets $instance (its port) and $instance_pid, and starts nginx (Debian's package) as a
# keep-alive reverse proxy to that same instance on 127.0.0.1:$nginx_port (pid file $data/nginx.pid).
until curl -sf "localhost:$port/actuator/health" >/dev/null; do sleep 0.2; done
. bench/lib/sign-in.sh
tar -C sample-apps/iris-onnx -czf - . | api -sf --data-binary @- -H 'Content-Type: application/gzip' \
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

#!/usr/bin/env python3
"""What a loopback TCP sender pays per MiB for different write sizes (why DirectWrites gathers up to 256 KiB).

  bench/loopback_writes.py [--mib N]

A sender thread writes N MiB to a reader thread in the same process over 127.0.0.1, once per write size; the
sender's CPU (user + system, RUSAGE_THREAD) is reported per MiB. On loopback the sender's write also runs the
receiving side of TCP, so bigger writes save more than the system-call count suggests. Python 3 standard library.
"""
import argparse
import resource
import socket
import threading
import time

SIZES = (65536, 262144, 1048576)
MIB = 1048576


def drain(sock):
    buf = memoryview(bytearray(65536))
    while sock.recv_into(buf):
        pass


def measure(size, mib):
    listener = socket.socket()
    listener.bind(('127.0.0.1', 0))
    listener.listen(1)
    client = socket.create_connection(listener.getsockname())
    server, _ = listener.accept()
    reader = threading.Thread(target=drain, args=(client,))
    reader.start()
    data = b'x' * size
    before = resource.getrusage(resource.RUSAGE_THREAD)
    start = time.time()
    for _ in range(mib * MIB // size):
        server.sendall(data)
    after = resource.getrusage(resource.RUSAGE_THREAD)
    wall = time.time() - start
    server.close()
    reader.join()
    client.close()
    listener.close()
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return cpu / mib * 1e6, (after.ru_stime - before.ru_stime) / mib * 1e6, wall / mib * 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--mib', type=int, default=3000, help='MiB sent per write size (default 3000)')
    args = parser.parse_args()
    print('| write size | sender CPU us/MiB | of it system | wall us/MiB |')
    print('|---|---|---|---|')
    for size in SIZES:
        cpu, system, wall = measure(size, args.mib)
        print('| %d KiB | %.0f | %.0f | %.0f |' % (size // 1024, cpu, system, wall))


if __name__ == '__main__':
    main()
